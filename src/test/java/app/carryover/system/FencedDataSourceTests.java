package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import app.carryover.testing.CarryoverTest;

/**
 * The fence works out whose practice a connection is for before it takes one from the pool: working
 * it out can load the signed-in person's session through the same pool (Spring Security resolves the
 * context lazily), and a request holding one connection while it waits for another can, in a burst,
 * leave every request waiting on the others. A pool of one connection makes that wait certain.
 */
@CarryoverTest
class FencedDataSourceTests {

    @Autowired
    DataSource applicationDataSource;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionLoadedWhileTheActorIsWorkedOutDoesNotWaitForTheConnectionBeingFenced() throws Exception {
        HikariDataSource app = applicationDataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(app.getJdbcUrl());
        config.setUsername(app.getUsername());
        config.setPassword(app.getPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1000);
        UUID practice = UUID.randomUUID();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            FencedDataSource fenced = new FencedDataSource(pool);
            // as Spring Session does when the security context is first asked for: read the session row
            SecurityContextHolder.setDeferredContext(() -> {
                try (Connection sessionLoad = fenced.getConnection(); Statement s = sessionLoad.createStatement()) {
                    s.execute("SELECT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException("the session could not be loaded: " + e.getMessage(), e);
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                Actor actor = new Actor(practice, UUID.randomUUID(), "kim@example.test", "Kim", Set.of(Role.CLINICIAN),
                        null, false);
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((SignedIn) () -> actor, null,
                        List.of(new SimpleGrantedAuthority(SignedIn.FULLY_SIGNED_IN))));
                return context;
            });
            try (Connection c = fenced.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT current_setting('" + PracticeFence.SETTING + "', true)")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(practice.toString());
            }
        }
    }
}
