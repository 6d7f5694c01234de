package app.carryover.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The installation's own settings ({@code carryover.*}; application.properties maps each to its
 * {@code CARRYOVER_*} variable, as the README lists them), bound once and checked at start: a bad
 * value stops the server with a message naming the property. Modules read them from here instead of
 * each looking a property up by name; the more specific settings live with their module
 * ({@code carryover.audit.*}, {@code carryover.scheduler.*}, {@code carryover.reminders.*}, …).
 *
 * @param baseUrl        the address links in e-mails and text messages point to
 *                       ({@code CARRYOVER_BASE_URL}): absolute, http or https
 * @param dataDir        where the bundled PostgreSQL, its passwords and the secret key file live
 *                       ({@code CARRYOVER_DATA_DIR})
 * @param secretKey      32 bytes in Base64 that seal secrets at rest ({@code CARRYOVER_SECRET_KEY});
 *                       blank: a generated file in the data directory
 * @param trustedProxies comma-separated addresses of reverse proxies whose forwarded headers are believed
 * @param metricsToken   the bearer token a Prometheus scraper sends to {@code /actuator/prometheus}
 *                       ({@code CARRYOVER_METRICS_TOKEN}); blank: admins only; otherwise at least 16
 *                       characters without spaces (a short token is guessable, a space cannot be sent)
 * @param demo           seed the demo practice ({@code --carryover.demo=true})
 * @param mail           the e-mail sender ({@code carryover.mail.from}, {@code CARRYOVER_SMTP_FROM})
 * @param database       whether the database is the bundled one (set by the server at start, not by hand)
 */
@Validated
@ConfigurationProperties("carryover")
public record ServerSettings(
        @NotBlank @Pattern(regexp = "https?://[^\\s/?#]+\\S*",
                message = "must be an absolute http:// or https:// address, such as https://carryover.example.org")
        String baseUrl,
        @NotBlank String dataDir,
        @DefaultValue("") String secretKey,
        @DefaultValue("") String trustedProxies,
        @DefaultValue("") String metricsToken,
        @DefaultValue("false") boolean demo,
        @Valid @DefaultValue Mail mail,
        @DefaultValue Database database) {

    /** @param from the sender of every e-mail, e.g. {@code Carryover <no-reply@carryover.example.org>} */
    public record Mail(@NotBlank @DefaultValue("Carryover <no-reply@localhost>") String from) {
    }

    /** @param bundled true when the server started its own PostgreSQL */
    public record Database(@DefaultValue("false") boolean bundled) {
    }

    /**
     * The token is checked here rather than by a constraint annotation, whose failure report would print the
     * rejected value: a secret never appears in the log, even a refused one.
     */
    public ServerSettings {
        if (metricsToken != null && !metricsToken.isBlank() && !metricsToken.matches("\\S{16,}")) {
            throw new IllegalArgumentException("carryover.metrics-token (CARRYOVER_METRICS_TOKEN) must be blank "
                    + "(admins only) or at least 16 characters without spaces");
        }
    }

    /** Without the secret key, so logging the settings never shows it. */
    @Override
    public String toString() {
        return "ServerSettings[baseUrl=" + baseUrl + ", dataDir=" + dataDir + ", secretKey="
                + (secretKey.isBlank() ? "(from the data directory)" : "(set)") + ", trustedProxies=" + trustedProxies
                + ", metricsToken=" + (metricsToken.isBlank() ? "(none)" : "(set)") + ", demo=" + demo + ", mail=" + mail + ", database=" + database + "]";
    }
}
