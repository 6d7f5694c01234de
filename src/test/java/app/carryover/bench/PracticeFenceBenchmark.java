package app.carryover.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.zaxxer.hikari.HikariDataSource;

import app.carryover.system.SignedIn;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;

/**
 * What the practice fence costs per connection checkout: take a connection, run {@code SELECT 1},
 * give it back, from the pool itself and through the fenced DataSource (signed in and not).
 * Benchmark, skipped unless {@code -Dcarryover.bench=true}; prints its figures.
 */
@CarryoverTest
class PracticeFenceBenchmark {

    static final int BATCHES = 30;
    static final int PER_BATCH = 500;

    @Autowired
    DataSource fenced;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void checkoutCost() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("carryover.bench"), "benchmark: -Dcarryover.bench=true");
        DataSource pool = fenced.unwrap(HikariDataSource.class);
        var practice = Fixtures.practice(context);
        for (int round = 0; round < 2; round++) {
            double raw = medianMicros(pool);
            double unset = medianMicros(fenced);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    (SignedIn) () -> practice.clinician().actor(), null,
                    List.of(new SimpleGrantedAuthority(SignedIn.FULLY_SIGNED_IN))));
            double signedIn;
            try {
                signedIn = medianMicros(fenced);
            } finally {
                SecurityContextHolder.clearContext();
            }
            System.out.printf("practice fence, checkout + SELECT 1 + close, median of %d batches of %d: "
                    + "pool %.1f us, fenced (no actor) %.1f us, fenced (signed in) %.1f us%n",
                    BATCHES, PER_BATCH, raw, unset, signedIn);
        }
    }

    private static double medianMicros(DataSource dataSource) throws SQLException {
        double[] batches = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < PER_BATCH; i++) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            batches[b] = (System.nanoTime() - start) / 1000.0 / PER_BATCH;
        }
        Arrays.sort(batches);
        return batches[BATCHES / 2];
    }
}
