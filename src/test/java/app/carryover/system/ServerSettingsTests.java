package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The installation's settings are bound and checked at start: a bad value stops start-up with a
 * message naming the property and what it must be. A small context of its own (no database, no web
 * server), so the suite's shared Spring context is untouched.
 */
class ServerSettingsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ServerSettingsConfiguration.class)
            .withPropertyValues("carryover.base-url=https://carryover.example.org", "carryover.data-dir=data");

    @Test
    void goodValuesAreBoundWithTheirDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ServerSettings settings = context.getBean(ServerSettings.class);
            assertThat(settings.baseUrl()).isEqualTo("https://carryover.example.org");
            assertThat(settings.dataDir()).isEqualTo("data");
            assertThat(settings.demo()).isFalse();
            assertThat(settings.secretKey()).isEmpty();
            assertThat(settings.trustedProxies()).isEmpty();
            assertThat(settings.metricsToken()).isEmpty();
            assertThat(settings.mail().from()).isEqualTo("Carryover <no-reply@localhost>");
            assertThat(settings.database().bundled()).isFalse();
        });
    }

    @Test
    void aBaseUrlThatIsNoAddressStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("carryover.base-url=carryover.example.org").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("carryover.base-url")
                    .contains("carryover.example.org")
                    .contains("must be an absolute http:// or https:// address");
        });
    }

    @Test
    void aMissingBaseUrlOrDataDirectoryStopsStartUpNamingIt() {
        new ApplicationContextRunner().withUserConfiguration(ServerSettingsConfiguration.class)
                .withPropertyValues("carryover.base-url= ", "carryover.data-dir=data").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("carryover.base-url").contains("must not be blank");
                });
        runner.withPropertyValues("carryover.data-dir=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("carryover.data-dir").contains("must not be blank");
        });
    }

    @Test
    void aBlankMailSenderStopsStartUpNamingIt() {
        runner.withPropertyValues("carryover.mail.from= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("carryover.mail.from").contains("must not be blank");
        });
    }

    @Test
    void aShortMetricsTokenStopsStartUpNamingIt() {
        runner.withPropertyValues("carryover.metrics-token=scrape-me").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("carryover.metrics-token")
                    .contains("at least 16 characters without spaces").doesNotContain("scrape-me");
        });
        runner.withPropertyValues("carryover.metrics-token=scrape me every minute").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theSecretKeyAndTokenNeverShowInTheSettingsText() {
        runner.withPropertyValues("carryover.secret-key=c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=",
                "carryover.metrics-token=scrape-me-every-minute").run(context -> {
                    String text = context.getBean(ServerSettings.class).toString();
                    assertThat(text).doesNotContain("c2VjcmV0").doesNotContain("scrape-me").contains("secretKey=(set)");
                });
    }

    /** The failure's messages down its causes, as Spring Boot reports a failed start. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
