package app.carryover.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import app.carryover.audit.AuditLog;
import app.carryover.homework.AssignmentDraft;
import app.carryover.homework.Assignments;
import app.carryover.homework.Dose;
import app.carryover.homework.EntryInput;
import app.carryover.homework.PracticeLog;
import app.carryover.system.BundledDatabase;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestEnvironment;

/**
 * A backup of the running bundled database, restored onto an empty data directory, holds every
 * table row for row (the fenced ones too) and the same audit; backups of another installation,
 * with another key, altered or cut short are refused with a reason; a full disk stops a backup
 * with a clear message and the database goes on serving.
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    NightlyBackup nightly;
    @Autowired
    TestClock clock;
    @Autowired
    AuditLog auditLog;

    Path work;
    Path keyFile;
    BackupKey key;
    Path backup;
    Map<String, String> atBackup;
    Fixtures.TestPractice practice;

    @BeforeAll
    void makeABackupOfTheRunningDatabase() throws Exception {
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-tests-");
        practice = Fixtures.practice(context);
        var walk = context.getBean(Assignments.class).compose(practice.clinician().actor(), practice.client().clientId(),
                new AssignmentDraft("Evening walk", "Walk for ten minutes after dinner.", "To lift the evening.", true,
                        List.of(), null, null, Dose.perDay(1), null, null, 3, null));
        PracticeLog log = context.getBean(PracticeLog.class);
        for (int i = 0; i < 3; i++) {
            log.log(practice.client().actor(), walk.id(), new EntryInput(UUID.randomUUID(), null, 5 + i, "walked", null));
        }
        key = BackupKey.generate(Installation.of(dataRoot()));
        keyFile = work.resolve("practice.key");
        key.write(keyFile);

        // Nothing else writes meanwhile in this JVM; the snapshots before and after show it.
        for (int attempt = 0; attempt < 3 && atBackup == null; attempt++) {
            Map<String, String> before = tables(live());
            backup = Files.copy(nightly.run(settings(2)).file(), work.resolve("first.backup"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> after = tables(live());
            atBackup = before.equals(after) ? after : null;
        }
        assertThat(atBackup).as("a quiet moment to compare against").isNotNull();
    }

    @AfterAll
    void removeFiles() {
        Restore.deleteQuietly(work);
    }

    @Test
    void restoredOntoAnEmptyDirectoryItHoldsEveryTableRowForRowAndTheSameAudit() throws Exception {
        Path restored = work.resolve("restored");
        Restore.Summary summary = Restore.into(backup, key, restored);
        assertThat(summary.installation()).isEqualTo(key.installation());
        assertThat(Files.readString(restored.resolve("installation.id")).trim()).isEqualTo(key.installation().toString());

        try (BundledDatabase copy = BundledDatabase.start(restored, false)) {
            Map<String, String> tables;
            try (Connection c = DriverManager.getConnection(copy.jdbcUrl(), copy.username(), copy.password())) {
                tables = tables(c);
            }
            assertThat(tables.keySet()).containsExactlyElementsOf(atBackup.keySet())
                    .contains("client", "practice_entry", "audit_event", "flyway_schema_history");
            assertThat(tables).isEqualTo(atBackup);
            for (String fenced : List.of("client", "practice_entry", "assignment", "audit_event")) {
                assertThat(tables.get(fenced)).as("row-level security emptied nothing in %s", fenced).doesNotStartWith("0 ");
            }
        }
        assertThat(auditLog.verify(practice.admin().actor()).intact()).as("the audit chain behind the compared rows").isTrue();
    }

    @Test
    void nightlyBackupsKeepTheNewestOnesOnly() {
        NightlyBackup.Outcome second;
        NightlyBackup.Outcome third;
        try {
            clock.advance(Duration.ofDays(1));
            second = nightly.run(settings(2));
            clock.advance(Duration.ofDays(1));
            third = nightly.run(settings(2));
        } finally {
            clock.reset();
        }
        assertThat(third.removed()).hasSize(1);
        assertThat(Files.exists(second.file())).isTrue();
        assertThat(Files.exists(third.file())).isTrue();
        assertThat(backups()).containsExactly(second.file().getFileName().toString(), third.file().getFileName().toString());
    }

    @Test
    void aBackupOfAnotherInstallationIsRefusedWithTheReason() {
        BackupKey stranger = BackupKey.generate(UUID.randomUUID());
        Path target = work.resolve("from-another");
        assertThatThrownBy(() -> Restore.into(backup, stranger, target))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("made by another installation (" + key.installation() + ")")
                .hasMessageContaining("Nothing was restored");
        assertThat(target).doesNotExist();

        BackupKey sameInstallationOtherKey = BackupKey.generate(key.installation());
        assertThatThrownBy(() -> Restore.into(backup, sameInstallationOtherKey, target))
                .hasMessageContaining("encrypted with another key");
    }

    @Test
    void aTamperedOrCutShortBackupIsRefusedAndLeavesNothingBehind() throws Exception {
        byte[] original = Files.readAllBytes(backup);

        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        assertRefused(flipped, "altered or damaged");

        byte[] newerDate = new String(original, StandardCharsets.ISO_8859_1).replaceFirst("created: (\\d)", "created: 1")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(newerDate).isNotEqualTo(original);
        assertRefused(newerDate, "(or its header)");

        byte[] cut = java.util.Arrays.copyOf(original, original.length - 1000);
        assertRefused(cut, "incomplete");

        assertRefused("just some text\n\n".getBytes(StandardCharsets.UTF_8), "not a Carryover backup");
    }

    @Test
    void aDataDirectoryThatIsNotEmptyIsNotRestoredOver() throws Exception {
        Path used = work.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("something.txt"), "kept");
        assertThatThrownBy(() -> Restore.into(backup, key, used)).hasMessageContaining("is not empty");
        assertThat(Files.readString(used.resolve("something.txt"))).isEqualTo("kept");
    }

    @Test
    void aFullDiskStopsTheBackupWithAClearErrorAndTheDatabaseGoesOnServing() throws Exception {
        Path full = Path.of("/dev/full");
        assumeThat(Files.exists(full)).as("/dev/full answers every write with 'no space left'").isTrue();
        BundledDatabase database = TestEnvironment.get().database();
        try (Connection superuser = database.superuserConnection("postgres"); OutputStream out = new FileOutputStream(full.toFile())) {
            assertThatThrownBy(() -> BackupFiles.write(superuser, dataRoot(), key, out, "/dev/full", clock))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("could not be written to /dev/full: no space left on the disk")
                    .hasMessageContaining("The live database is unharmed");
            try (Statement s = superuser.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'carryover_backup_%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the slot holding the write-ahead log is gone").isZero();
            }
            // The same session can start a backup again: the failed one was ended.
            try (Statement s = superuser.createStatement()) {
                s.execute("SELECT pg_backup_start('check', true)");
                s.execute("SELECT pg_backup_stop(false)");
            }
        }
        assertThat(auditLog.verify(practice.admin().actor()).intact()).isTrue();
        assertThat(tables(live()).get("practice_entry")).doesNotStartWith("0 ");
    }

    private void assertRefused(byte[] content, String reason) throws Exception {
        Path altered = work.resolve("altered.backup");
        Files.write(altered, content);
        Path target = work.resolve("altered-target");
        assertThatThrownBy(() -> Restore.into(altered, key, target)).isInstanceOf(BackupException.class)
                .hasMessageContaining(reason);
        assertThat(target).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".restoring-"));
        }
    }

    private BackupSettings settings(int keep) {
        return new BackupSettings(false, java.time.LocalTime.of(2, 30), keep, work.resolve("nightly"), keyFile);
    }

    private List<String> backups() {
        try (var files = Files.list(work.resolve("nightly"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path dataRoot() {
        return TestEnvironment.get().database().clusterDirectory().getParent();
    }

    private static Connection live() throws SQLException {
        BundledDatabase db = TestEnvironment.get().database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** Each table of the schema: its row count and a digest of all its rows, as the application's role sees them. */
    private static Map<String, String> tables(Connection c) throws SQLException {
        try (c) {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, String> digests = new TreeMap<>();
            for (String name : names) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, "
                        + "chr(10) ORDER BY t::text), '')) FROM \"" + name + "\" t")) {
                    rs.next();
                    digests.put(name, rs.getLong(1) + " " + rs.getString(2));
                }
            }
            return digests;
        }
    }
}
