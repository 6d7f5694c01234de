package app.carryover.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.testing.CarryoverTest;

/**
 * Keeps the schema distributable by practice (docs/scale.md: Citus, or any split by practice_id):
 * every table holding a practice's rows leads its primary key, its unique constraints and its
 * foreign keys with practice_id, so all of a practice's rows and the joins between them can live
 * on one node. Read from the catalogue, so a new table or constraint is checked without a list here.
 */
@CarryoverTest
class DistributableSchemaTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** Tables with a practice_id column (the practice's rows). */
    private static final String PRACTICE_TABLES = """
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id'
                          AND NOT a.attisdropped)""";

    private List<String> practiceTables() {
        return jdbc.sql("SELECT relname FROM pg_class WHERE oid IN (" + PRACTICE_TABLES + ") ORDER BY 1")
                .query(String.class).list();
    }

    /** Primary keys, unique constraints and unique indexes whose first column is not practice_id. */
    private List<String> keysNotLedByPracticeId() {
        return jdbc.sql("""
                SELECT t.relname || ': ' || i.relname || ' (' || pg_get_indexdef(i.oid) || ')'
                FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid IN (%s) AND x.indisunique
                  AND (x.indkey[0] = 0 OR (SELECT attname FROM pg_attribute
                                           WHERE attrelid = x.indrelid AND attnum = x.indkey[0]) <> 'practice_id')
                ORDER BY 1""".formatted(PRACTICE_TABLES)).query(String.class).list();
    }

    private List<String> tablesWithoutPrimaryKey() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c WHERE c.oid IN (%s)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = c.oid AND con.contype = 'p')
                ORDER BY 1""".formatted(PRACTICE_TABLES)).query(String.class).list();
    }

    /** Foreign keys from one practice table to another (a key to a table without practice_id is a reference). */
    private List<String> foreignKeys(boolean onlyWrong) {
        return jdbc.sql("""
                SELECT t.relname || ': ' || con.conname || ' (' || pg_get_constraintdef(con.oid) || ')'
                FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
                WHERE con.contype = 'f' AND con.conrelid IN (%1$s) AND con.confrelid IN (%1$s)
                  AND (NOT %2$s
                    OR (SELECT attname FROM pg_attribute WHERE attrelid = con.conrelid AND attnum = con.conkey[1])
                        <> 'practice_id'
                    OR (SELECT attname FROM pg_attribute WHERE attrelid = con.confrelid AND attnum = con.confkey[1])
                        <> 'practice_id')
                ORDER BY 1""".formatted(PRACTICE_TABLES, onlyWrong)).query(String.class).list();
    }

    @Test
    void everyPracticeTableLeadsItsPrimaryKeyAndUniqueKeysWithPracticeId() {
        assertThat(practiceTables()).contains("client", "practice_entry", "assignment", "audit_event", "audit_seal")
                .hasSizeGreaterThan(20);
        // The seven lookups that find a practice from outside it (sign-in by address, API tokens, invitation,
        // sign-in and password-reset links, a reminder message's action link, a client's calendar feed) are unique across the
        // installation by design; distributed, they become a small reference
        // table from key to practice (docs/scale.md). Nothing else may be.
        assertThat(keysNotLedByPracticeId()).as("primary keys, unique constraints and unique indexes not led by practice_id")
                .map(k -> k.substring(0, k.indexOf(" (")))
                .containsExactlyInAnyOrder("account: account_email_key", "api_token: api_token_hash_key",
                        "invitation: invitation_token_key", "sign_in_link: sign_in_link_token_key",
                        "password_reset: password_reset_token_key",
                        "reminder_message: reminder_message_link_key", "reminder_preferences: reminder_preferences_feed_key");
        assertThat(tablesWithoutPrimaryKey()).as("practice tables without a primary key").isEmpty();
    }

    @Test
    void foreignKeysBetweenPracticeTablesCarryPracticeIdFirst() {
        // A key from one practice table to another must join on practice_id too, so both rows sit on one node.
        assertThat(foreignKeys(false)).as("foreign keys between practice tables").hasSizeGreaterThan(10);
        assertThat(foreignKeys(true)).as("foreign keys between practice tables not led by practice_id").isEmpty();
    }

    @Test
    void aTableKeyedWithoutPracticeIdFirstIsCaught() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE TABLE distributable_probe (id uuid PRIMARY KEY, practice_id uuid NOT NULL, "
                    + "client_id uuid NOT NULL, UNIQUE (practice_id, client_id), "
                    + "FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id))").update();
            jdbc.sql("CREATE UNIQUE INDEX distributable_probe_client ON distributable_probe (client_id)").update();
            jdbc.sql("CREATE TABLE distributable_bare (practice_id uuid NOT NULL, note text)").update();
            assertThat(keysNotLedByPracticeId()).anyMatch(k -> k.startsWith("distributable_probe: distributable_probe_pkey"))
                    .anyMatch(k -> k.startsWith("distributable_probe: distributable_probe_client "))
                    .noneMatch(k -> k.contains("practice_id_client_id_key"));
            assertThat(tablesWithoutPrimaryKey()).contains("distributable_bare");
            status.setRollbackOnly();
        });
    }
}
