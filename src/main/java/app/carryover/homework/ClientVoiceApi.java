package app.carryover.homework;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;

/** The client's voice over the JSON API: the client's side under /me, the care team's under /clients. */
@RestController
class ClientVoiceApi {

    record ResponseBody(ResponseKind kind, String body) {
    }

    record AskBody(String topic) {
    }

    record ReplyBody(String reply) {
    }

    private final ClientVoice voice;

    ClientVoiceApi(ClientVoice voice) {
        this.voice = voice;
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/api/v1/me/assignments/{assignmentId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentResponse respond(Actor actor, @PathVariable UUID assignmentId, @RequestBody ResponseBody body) {
        return voice.respond(actor, assignmentId, body.kind(), body.body());
    }

    @Access(AccessRule.CLIENT_SELF)
    @PostMapping("/api/v1/me/homework-requests")
    @ResponseStatus(HttpStatus.CREATED)
    HomeworkRequest ask(Actor actor, @RequestBody AskBody body) {
        return voice.ask(actor, body.topic());
    }

    @Access(AccessRule.CLIENT_SELF)
    @GetMapping("/api/v1/me/voice")
    ClientVoice.Voice mine(Actor actor) {
        return voice.voice(actor, actor.clientId());
    }

    @Access(AccessRule.CARE_TEAM_READ)
    @GetMapping("/api/v1/clients/{clientId}/voice")
    ClientVoice.Voice ofClient(Actor actor, @PathVariable UUID clientId) {
        return voice.voice(actor, clientId);
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/responses/{responseId}/reply")
    ClientVoice.Replied reply(Actor actor, @PathVariable UUID clientId, @PathVariable UUID responseId,
            @RequestBody ReplyBody body) {
        return voice.reply(actor, clientId, responseId, body.reply());
    }

    @Access(AccessRule.CARE_TEAM_WRITE)
    @PostMapping("/api/v1/clients/{clientId}/homework-requests/{requestId}/reply")
    ClientVoice.Replied replyToRequest(Actor actor, @PathVariable UUID clientId, @PathVariable UUID requestId,
            @RequestBody ReplyBody body) {
        return voice.replyToRequest(actor, clientId, requestId, body.reply());
    }
}
