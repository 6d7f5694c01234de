package app.carryover.worksheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.carryover.testing.CarryoverTest;

/** Stored definition versions: built-ins copied in at start-up, and no stored version ever changes. */
@CarryoverTest
class WorksheetStorageTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BuiltInSync sync;
    @Autowired
    WorksheetLibrary library;

    static Stream<String> keys() {
        return BuiltInWorksheetsTests.keys();
    }

    String builtInRows() {
        return jdbc.sql("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM worksheet_version t WHERE practice_id = ?")
                .param(WorksheetStore.BUILT_IN).query(String.class).single();
    }

    @Test
    void everyBuiltInIsStoredAtStartUpAndSyncingAgainChangesNothing() {
        assertThat(jdbc.sql("SELECT count(*) FROM worksheet_version WHERE practice_id = ?").param(WorksheetStore.BUILT_IN)
                .query(Long.class).single()).isEqualTo(BuiltInWorksheets.all().size());
        String before = builtInRows();
        assertThat(sync.sync()).isZero();
        assertThat(builtInRows()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachStoredBuiltInReadsBackAsShippedAndValidatesItsExample(String key) {
        WorksheetDefinition stored = library.get(WorksheetStore.BUILT_IN, key, BuiltInWorksheets.get(key).version());
        assertThat(stored).isEqualTo(BuiltInWorksheets.get(key));
        assertThat(AnswerValidation.complete(stored, BuiltInWorksheets.exampleAnswers(key)).errors()).isEmpty();
    }

    @Test
    void aStoredVersionCanBeNeitherChangedNorRemoved() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE worksheet_version SET title = 'changed' WHERE key = 'sleep-diary'").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("never changed or removed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM worksheet_version WHERE key = 'sleep-diary'").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("never changed or removed");
    }

    @Test
    void customAndBuiltInKeysNeverMeet() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO worksheet (practice_id, key, built_in, created_at) VALUES (?, 'custom-x', true, now())""")
                .param(WorksheetStore.BUILT_IN).update()).isInstanceOf(DataAccessException.class);
        assertThat(WorksheetStore.home(java.util.UUID.randomUUID(), "thought-record")).isEqualTo(WorksheetStore.BUILT_IN);
        assertThat(WorksheetLibrary.isBuiltIn("custom-thought-record")).isFalse();
    }
}
