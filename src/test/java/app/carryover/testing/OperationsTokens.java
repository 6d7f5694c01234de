package app.carryover.testing;

/** The Prometheus scrape token every test context is configured with. */
public final class OperationsTokens {

    public static final String SCRAPE = "scrape-token-for-tests-only";

    private OperationsTokens() {
    }
}
