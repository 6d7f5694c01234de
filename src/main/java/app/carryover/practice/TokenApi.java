package app.carryover.practice;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** API tokens over the API (creating one needs a signed-in session and a current second-factor code). */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    record NewToken(@NotBlank @Size(max = 100) String name, Integer days, boolean readOnly,
            @NotBlank @Size(max = 10) String code) {
    }

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Access(AccessRule.SIGNED_IN)
    @GetMapping
    List<ApiTokens.TokenView> mine(Actor actor) {
        return tokens.mine(actor);
    }

    @Access(AccessRule.SIGNED_IN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Created create(Actor actor, @Valid @RequestBody NewToken request) {
        return tokens.create(actor, request.name(), request.days(), request.readOnly(), request.code());
    }

    @Access(AccessRule.SIGNED_IN)
    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable UUID tokenId) {
        tokens.revoke(actor, tokenId);
    }
}
