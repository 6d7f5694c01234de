package app.carryover.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ClientNames;
import app.carryover.system.PracticeZones;
import app.carryover.system.ProblemException;

/** The admin's audit pages: browse with filters, page by page, and verify the chain. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.ENGLISH);

    /**
     * One row as the page shows it: the time in the practice's zone, the client by name (with the
     * random end of their id, which tells two clients of one name apart), the request in words.
     */
    record Line(long seq, String when, UUID actorId, String actorLabel, String action, String subject, String detail,
            String request, UUID clientId, String clientName, String clientTag, String address) {
    }

    private final AuditLog log;
    private final PracticeZones zones;
    private final ClientNames clientNames;

    AuditController(AuditLog log, PracticeZones zones, ClientNames clientNames) {
        this.log = log;
        this.zones = zones;
        this.clientNames = clientNames;
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/audit")
    String browse(Actor actor, @RequestParam(required = false) UUID actor_id, @RequestParam(required = false) UUID client,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Long after, Model model) {
        ZoneId zone = zones.zoneOf(actor.practiceId());
        AuditLog.Filter filter = new AuditLog.Filter(actor_id, client, action,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        AuditLog.Page page = log.page(actor, filter, before, after, PAGE_SIZE);
        Set<UUID> ids = new HashSet<>();
        page.rows().stream().map(AuditLog.Row::clientId).filter(id -> id != null).forEach(ids::add);
        page.rows().stream().map(r -> AuditEntry.clientActor(r.actorLabel())).filter(id -> id != null).forEach(ids::add);
        if (client != null) {
            ids.add(client);
        }
        Map<UUID, String> names = clientNames.namesOf(actor.practiceId(), ids);
        List<Line> lines = page.rows().stream().map(r -> line(r, zone, names)).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", filter);
        model.addAttribute("clientName", client == null ? null : names.getOrDefault(client, "client " + tag(client)));
        model.addAttribute("actorName", actor_id == null ? null : lines.stream().filter(l -> actor_id.equals(l.actorId()))
                .map(Line::actorLabel).findFirst().orElse("one person"));
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/audit");
        query(base, "actor_id", actor_id);
        query(base, "client", client);
        query(base, "action", action);
        query(base, "from", from);
        query(base, "to", to);
        model.addAttribute("olderLink", page.older() && !lines.isEmpty()
                ? base.cloneBuilder().queryParam("before", lines.get(lines.size() - 1).seq()).toUriString() : null);
        model.addAttribute("newerLink", page.newer() && !lines.isEmpty()
                ? base.cloneBuilder().queryParam("after", lines.get(0).seq()).toUriString() : null);
        model.addAttribute("newestLink", before != null || after != null ? base.toUriString() : null);
        return "audit/audit";
    }

    private static Line line(AuditLog.Row r, ZoneId zone, Map<UUID, String> names) {
        String name = r.clientId() == null ? null : names.getOrDefault(r.clientId(), "a client no longer on record");
        UUID clientActor = AuditEntry.clientActor(r.actorLabel());
        String actorLabel = clientActor == null ? r.actorLabel()
                : AuditEntry.withName(r.actorLabel(), names.getOrDefault(clientActor, "a client no longer on record"));
        return new Line(r.seq(), WHEN.format(r.at().atZone(zone)), r.actorId(), actorLabel, AuditWords.action(r.action()),
                AuditWords.describe(r.subject()), AuditWords.describe(r.detail()),
                AuditWords.namesRequest(r.subject()) || AuditWords.namesRequest(r.detail())
                        ? (r.subject() + (r.detail() == null ? "" : " — " + r.detail())) : null,
                r.clientId(), name, r.clientId() == null ? null : tag(r.clientId()), r.address());
    }

    /** The random end of a (time-ordered) id: clients made in the same moment share its start, never its end. */
    static String tag(UUID id) {
        String s = id.toString();
        return "#" + s.substring(s.length() - 8);
    }

    private static void query(UriComponentsBuilder builder, String name, Object value) {
        if (value != null) {
            builder.queryParam(name, value);
        }
    }

    @Access(AccessRule.ADMIN)
    @GetMapping("/admin/audit/verify")
    String verify(Actor actor, @RequestParam(required = false) Long seal, @RequestParam(required = false) String head,
            Model model) {
        AuditLog.PublishedHead published = null;
        try {
            published = published(seal, head);
        } catch (ProblemException e) {
            model.addAttribute("headError", e.fields().get(0).message());
        }
        model.addAttribute("result", log.verify(actor, published));
        model.addAttribute("seal", seal);
        model.addAttribute("head", head);
        return "audit/verify";
    }

    /** A head published earlier, when both halves were given; a head that is not hex is refused by name. */
    static AuditLog.PublishedHead published(Long seal, String head) {
        if (seal == null && (head == null || head.isBlank())) {
            return null;
        }
        if (seal == null || seal < 1) {
            throw ProblemException.invalid("seal", "Give the number of the published seal (1 or more).");
        }
        if (head == null || !head.trim().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.invalid("head", "Give the published head: 64 hexadecimal characters.");
        }
        return new AuditLog.PublishedHead(seal, head.trim());
    }
}
