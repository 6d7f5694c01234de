package app.carryover.homework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.caseload.ClientAccess;
import app.carryover.caseload.ClientRecord;
import app.carryover.caseload.ConsentKind;
import app.carryover.caseload.Consents;
import app.carryover.practice.Practices;
import app.carryover.system.Actor;
import app.carryover.system.Mailer;
import app.carryover.system.ProblemException;
import app.carryover.system.ProblemException.FieldProblem;
import app.carryover.system.ServerSettings;
import app.carryover.system.Uuids;

/**
 * Homework as a conversation: the client answers an assignment ("Got it", a question, too hard, too
 * easy, "I'd change…") or asks for something to practise; the care team replies in writing, shown
 * on the client's Today. Replies are announced by an e-mail without their words, and only to a
 * client who agreed to messages by e-mail; the reply is kept and shown either way.
 */
@Service
public class ClientVoice {

    /** Longest message either side may write. */
    public static final int MAX_WORDS = 2000;
    /** Longest "what I'd like to work on". */
    public static final int MAX_TOPIC = 1000;

    /** A client's responses and requests, newest first. */
    public record Voice(List<AssignmentResponse> responses, List<HomeworkRequest> requests) {

        public List<AssignmentResponse> of(UUID assignmentId) {
            return responses.stream().filter(r -> r.assignmentId().equals(assignmentId)).toList();
        }

        /** Whether the client has said anything about this assignment yet. */
        public boolean answered(UUID assignmentId) {
            return responses.stream().anyMatch(r -> r.assignmentId().equals(assignmentId));
        }

        public List<AssignmentResponse> awaitingReply() {
            return responses.stream().filter(AssignmentResponse::awaitingReply).toList();
        }

        public List<HomeworkRequest> openRequests() {
            return requests.stream().filter(HomeworkRequest::open).toList();
        }

        /** Questions, difficulties and requests the care team has not answered. */
        public int pending() {
            return awaitingReply().size() + openRequests().size();
        }
    }

    /** A reply as stored, and what the clinician should be told about its delivery. */
    public record Replied(String reply, boolean mailed, String delivery) {
    }

    private static final Logger log = LoggerFactory.getLogger(ClientVoice.class);

    private final ClientVoiceRepository store;
    private final Assignments assignments;
    private final ClientAccess access;
    private final Consents consents;
    private final Practices practices;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;
    private final app.carryover.system.Texts texts;
    private final ApplicationEventPublisher events;

    ClientVoice(ClientVoiceRepository store, Assignments assignments, ClientAccess access, Consents consents,
            Practices practices, Mailer mailer, TransactionTemplate transactions, Clock clock,
            ServerSettings server, app.carryover.system.Texts texts, ApplicationEventPublisher events) {
        this.texts = texts;
        this.events = events;
        this.store = store;
        this.assignments = assignments;
        this.access = access;
        this.consents = consents;
        this.practices = practices;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.baseUrl = server.baseUrl();
    }

    /** The client answers one of their assignments. A question on an assignment closed meanwhile is refused (409). */
    public AssignmentResponse respond(Actor client, UUID assignmentId, ResponseKind kind, String body) {
        return transactions.execute(tx -> {
            ClientRecord record = self(client, "response to an assignment");
            Assignment a = assignments.find(record, assignmentId);
            String words = blankToNull(body);
            List<FieldProblem> problems = new ArrayList<>();
            if (kind == null) {
                problems.add(new FieldProblem("kind", "choose one: Got it, I have a question, too hard, too easy, or I'd change…"));
            } else if (kind.needsWords() && words == null) {
                problems.add(new FieldProblem("body", kind == ResponseKind.QUESTION
                        ? "write your question, so your clinician can answer it"
                        : "write what you would change, so your clinician can consider it"));
            }
            if (words != null && words.length() > MAX_WORDS) {
                problems.add(new FieldProblem("body", tooLong(words.length(), MAX_WORDS)));
            }
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            if (!a.status().open()) {
                throw ProblemException.conflict("“" + a.title() + "” has been " + a.status().label()
                        + " by your clinician since you opened it, so this was not sent. Your words are kept below: "
                        + "you can ask for something new to practise, or raise it at your next session.");
            }
            AssignmentResponse r = new AssignmentResponse(record.practiceId(), Uuids.timeOrdered(), record.id(), a.id(),
                    a.title(), kind, kind == ResponseKind.GOT_IT ? null : words, clock.instant(), null, null, null, null, null, null);
            store.insert(r);
            if (kind.needsReply()) {
                events.publishEvent(new ClientSpokeUp(record.practiceId(), record.id(), r.createdAt()));
            }
            return r;
        });
    }

    /** The client asks for something to practise, optionally naming what they want to work on. */
    public HomeworkRequest ask(Actor client, String topic) {
        return transactions.execute(tx -> {
            ClientRecord record = self(client, "request for homework");
            String words = blankToNull(topic);
            if (words != null && words.length() > MAX_TOPIC) {
                throw ProblemException.invalid("topic", tooLong(words.length(), MAX_TOPIC));
            }
            HomeworkRequest q = new HomeworkRequest(record.practiceId(), Uuids.timeOrdered(), record.id(), words,
                    clock.instant(), null, null, null, null, null, null, null);
            store.insert(q);
            events.publishEvent(new ClientSpokeUp(record.practiceId(), record.id(), q.createdAt()));
            return q;
        });
    }

    /** A clinician's written reply to a response; shown on the client's Today. */
    public Replied reply(Actor clinician, UUID clientId, UUID responseId, String text) {
        ClientRecord record = transactions.execute(tx -> {
            ClientRecord c = access.change(clinician, clientId, "reply to the client's response");
            AssignmentResponse r = store.response(c.practiceId(), c.id(), responseId)
                    .orElseThrow(() -> ProblemException.notFound("Response"));
            String words = checkedReply(text);
            if (r.replied() || !store.reply(c.practiceId(), r.id(), words, clinician.accountId(), clock.instant())) {
                throw ProblemException.conflict("This was already answered" + (r.repliedByName() == null ? "" : " by "
                        + r.repliedByName()) + "; your reply was not saved. The client can ask again if anything is still unclear.");
            }
            return c;
        });
        return announce(record, "response", responseId, text.strip());
    }

    /** A clinician's written reply to a request for homework. */
    public Replied replyToRequest(Actor clinician, UUID clientId, UUID requestId, String text) {
        ClientRecord record = transactions.execute(tx -> {
            ClientRecord c = access.change(clinician, clientId, "reply to the client's request for homework");
            HomeworkRequest q = store.request(c.practiceId(), c.id(), requestId)
                    .orElseThrow(() -> ProblemException.notFound("Request"));
            String words = checkedReply(text);
            if (q.reply() != null || !store.replyToRequest(c.practiceId(), q.id(), words, clinician.accountId(), clock.instant())) {
                throw ProblemException.conflict("This request was already answered; your reply was not saved.");
            }
            return c;
        });
        return announce(record, "request", requestId, text.strip());
    }

    /** The client's responses and requests: their care team, or the client themselves. */
    public Voice voice(Actor actor, UUID clientId) {
        ClientRecord record = access.read(actor, clientId, "the client's questions and requests");
        return voiceOf(record);
    }

    /**
     * The responses and requests of several clients (a caseload), by client: the rule and audit of
     * {@link #voice} for each (clients the caller may not read are left out), in two statements.
     */
    public java.util.Map<UUID, Voice> voices(Actor actor, List<ClientRecord> clients) {
        List<ClientRecord> readable = access.readAll(actor, clients, "the client's questions and requests");
        java.util.Map<UUID, Voice> result = new java.util.HashMap<>();
        if (readable.isEmpty()) {
            return result;
        }
        List<UUID> ids = readable.stream().map(ClientRecord::id).toList();
        java.util.Map<UUID, List<AssignmentResponse>> responses = new java.util.HashMap<>();
        java.util.Map<UUID, List<HomeworkRequest>> requests = new java.util.HashMap<>();
        store.responsesOf(actor.practiceId(), ids).forEach(r -> responses.computeIfAbsent(r.clientId(), k -> new ArrayList<>()).add(r));
        store.requestsOf(actor.practiceId(), ids).forEach(q -> requests.computeIfAbsent(q.clientId(), k -> new ArrayList<>()).add(q));
        for (UUID id : ids) {
            result.put(id, new Voice(responses.getOrDefault(id, List.of()), requests.getOrDefault(id, List.of())));
        }
        return result;
    }

    /**
     * How many questions, difficulties, changes and requests these clients sent from {@code since} on that
     * are still waiting for an answer: a count for a notice that names no one, so it reads no client's
     * record and is not audited as a read.
     */
    public int waitingSince(UUID practiceId, List<UUID> clientIds, java.time.Instant since) {
        if (clientIds.isEmpty()) {
            return 0;
        }
        long responses = store.responsesOf(practiceId, clientIds).stream()
                .filter(r -> r.awaitingReply() && !r.createdAt().isBefore(since)).count();
        long requests = store.requestsOf(practiceId, clientIds).stream()
                .filter(q -> q.open() && !q.createdAt().isBefore(since)).count();
        return (int) (responses + requests);
    }

    Voice voiceOf(ClientRecord record) {
        return new Voice(store.responses(record.practiceId(), record.id()), store.requests(record.practiceId(), record.id()));
    }

    /**
     * Tells the client a reply is waiting, by an e-mail that carries no clinical words, when they agreed
     * to messages by e-mail (and have not withdrawn the terms or been discharged); says what happened.
     */
    private Replied announce(ClientRecord client, String table, UUID id, String reply) {
        String name = client.displayName();
        if (!consents.mayContact(client.practiceId(), client.id(), ConsentKind.EMAIL_MESSAGES)) {
            store.markMailed(table, client.practiceId(), id, false);
            return new Replied(reply, false, "Saved: " + name + " sees it on Today when they next sign in. No e-mail was sent: "
                    + name + " has not agreed to messages by e-mail (or has withdrawn that consent).");
        }
        String to = practices.person(client.practiceId(), client.accountId()).map(Practices.Person::email).orElse(null);
        if (to == null) {
            store.markMailed(table, client.practiceId(), id, false);
            return new Replied(reply, false, "Saved: " + name + " sees it on Today when they next sign in.");
        }
        try {
            java.util.Locale language = practices.language(client.practiceId(), client.accountId())
                    .orElse(app.carryover.system.Languages.ENGLISH);
            mailer.send(to, texts.in(language, "mail.reply.subject"), texts.in(language, "mail.reply.body", baseUrl + "/today"));
            store.markMailed(table, client.practiceId(), id, true);
            return new Replied(reply, true, "Saved: " + name + " sees it on Today, and an e-mail (without your words) told them there is a reply.");
        } catch (MailException e) {
            log.warn("The reply notice for a client could not be e-mailed: {}", e.getClass().getSimpleName());
            store.markMailed(table, client.practiceId(), id, false);
            return new Replied(reply, false, "Saved: " + name + " sees it on Today when they next sign in. The e-mail notice "
                    + "could not be sent (the mail server refused it).");
        }
    }

    /** The client's own record, refused with words a client understands when their care here has ended. */
    private ClientRecord self(Actor client, String what) {
        try {
            return access.self(client, client.clientId(), what);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                throw ProblemException.conflict("Your care at this practice has ended, so messages can no longer be sent "
                        + "here. Nothing was sent. Please contact the practice directly.");
            }
            throw e;
        }
    }

    private static String checkedReply(String text) {
        String words = blankToNull(text);
        if (words == null) {
            throw ProblemException.invalid("reply", "write a short reply; the client reads it on their Today page");
        }
        if (words.length() > MAX_WORDS) {
            throw ProblemException.invalid("reply", tooLong(words.length(), MAX_WORDS));
        }
        return words;
    }

    private static String tooLong(int length, int max) {
        return "is " + String.format("%,d", length) + " characters; please keep it to " + String.format("%,d", max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
