package app.carryover.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import app.carryover.system.backup.Installation;

/**
 * The PostgreSQL server Carryover bundles for a solo practice and for tests: started before the
 * Spring context and stopped after it, with its cluster under {@code <data dir>/postgres} kept
 * across restarts.
 *
 * <p>The embedded library's defaults are unsafe for clinical data (fsync and synchronous commit
 * off, password-less trust access), so this class turns durability on unless told it runs tests,
 * listens on loopback only, gives the superuser a generated SCRAM password kept in an owner-only
 * file, and hands the application an ordinary role that owns the schema.
 *
 * <p>It also keeps the server alive for as long as Carryover runs: the data directory is locked
 * while Carryover uses it (a second Carryover on it is refused), a server left running by a
 * Carryover process that was killed is stopped cleanly before starting, and a watchdog starts
 * the server again on the same port if it stops underneath the application.
 */
public final class BundledDatabase implements AutoCloseable {

    public static final String DATABASE = "carryover";
    public static final String APP_ROLE = "carryover";
    static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(BundledDatabase.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final Path cluster;
    private final boolean durable;
    private final String superuserPassword;
    private final String appPassword;
    private final FileChannel lockChannel;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean closing;
    private volatile boolean held;
    private final Thread watchdog;

    private BundledDatabase(Path cluster, boolean durable, String superuserPassword, String appPassword,
            FileChannel lockChannel, EmbeddedPostgres postgres) {
        this.cluster = cluster;
        this.durable = durable;
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
        this.lockChannel = lockChannel;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.postmaster = BundledServerProcess.running(cluster).orElse(null);
        this.watchdog = new Thread(this::watch, "bundled-postgres-watchdog");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    /**
     * Starts (creating on first use) the cluster under {@code dataDirectory}.
     *
     * @param durable false only for tests, which may trade crash safety for speed
     */
    public static BundledDatabase start(Path dataDirectory, boolean durable) {
        Path root = dataDirectory.toAbsolutePath().normalize();
        FileChannel lock = null;
        try {
            createPrivateDirectory(root);
            lock = lockDirectory(root);
            Installation.of(root);
            Path cluster = root.resolve("postgres");
            Path superuserFile = root.resolve("postgres-superuser.password");
            Path appFile = root.resolve("postgres-carryover.password");
            BundledServerProcess.stopLeftRunning(cluster);
            if (!Files.exists(superuserFile)) {
                secureNewCluster(cluster, superuserFile, durable);
            }
            String superuserPassword = read(superuserFile);
            EmbeddedPostgres postgres = builder(cluster, durable)
                    .setConnectConfig("password", superuserPassword)
                    .start();
            String appPassword = ensureApplicationRole(postgres, appFile);
            log.info("Bundled PostgreSQL {} running on 127.0.0.1:{} with data in {} (durable: {})",
                    serverVersion(postgres), postgres.getPort(), cluster, durable);
            return new BundledDatabase(cluster, durable, superuserPassword, appPassword, lock, postgres);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not start the bundled PostgreSQL in " + dataDirectory, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Locks {@code carryover.lock} in the data directory for as long as this process runs; the
     * operating system releases it when the process ends, however it ends.
     */
    private static FileChannel lockDirectory(Path root) throws IOException {
        FileChannel channel = FileChannel.open(root.resolve("carryover.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Carryover is already running with the data directory " + root
                    + "; stop it first, or give this one its own directory (CARRYOVER_DATA_DIR)");
        }
        return channel;
    }

    /** JDBC URL of the application database on this server. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** JDBC URL of another database on this server (tests make empty ones for first-run checks). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return appPassword;
    }

    public int port() {
        return port;
    }

    /** The superuser's connection to a database of this server, for backups (never for the application). */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase(SUPERUSER, database).getConnection();
    }

    /** The cluster's data directory (what a base backup copies). */
    public Path clusterDirectory() {
        return cluster;
    }

    /** The running postmaster, for drills and tests that stop it underneath the application. */
    public Optional<ProcessHandle> serverProcess() {
        return Optional.ofNullable(postmaster).filter(ProcessHandle::isAlive);
    }

    /** Creates an empty database owned by the application role (for tests of first run). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unsafe database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        closing = true;
        watchdog.interrupt();
        synchronized (this) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("The bundled PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
        closeQuietly(lockChannel);
    }

    /**
     * Stops the server (a fast shutdown) and keeps it stopped until {@link #startServer()}: for
     * outage drills and tests, which need the database gone for longer than the watchdog allows.
     */
    public synchronized void stopServer() {
        held = true;
        ProcessHandle current = postmaster;
        if (current != null && current.isAlive()) {
            BundledServerProcess.signal(current, "INT");
            BundledServerProcess.awaitExit(current, Duration.ofSeconds(60));
        }
    }

    /** Ends {@link #stopServer()}: starts the server again now. */
    public void startServer() {
        held = false;
        restart();
    }

    /**
     * Starts the server again, on the same port so the connection pool finds it, whenever it stops
     * while the application runs (killed, crashed, stopped by hand). Until it is back, requests are
     * answered 503 and the pool keeps trying.
     */
    private void watch() {
        while (!closing) {
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            ProcessHandle current = postmaster;
            if (closing || held || (current != null && current.isAlive())) {
                continue;
            }
            restart();
        }
    }

    private synchronized void restart() {
        if (closing || held || (postmaster != null && postmaster.isAlive())) {
            return;
        }
        long stopped = System.nanoTime();
        log.warn("The bundled PostgreSQL has stopped (pid {}); starting it again on port {}",
                postmaster == null ? "unknown" : postmaster.pid(), port);
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the stopped server: {}", e.getMessage());
        }
        try {
            BundledServerProcess.stopLeftRunning(cluster);
            postgres = builder(cluster, durable).setPort(port).setConnectConfig("password", superuserPassword).start();
            postmaster = BundledServerProcess.running(cluster).orElse(null);
            log.warn("The bundled PostgreSQL is running again (pid {}) after {} ms",
                    postmaster == null ? "unknown" : postmaster.pid(), (System.nanoTime() - stopped) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            // Old backends may still be leaving; the next round tries again.
            postmaster = null;
            log.warn("Could not start the bundled PostgreSQL again yet: {}", e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Releasing the data directory lock: {}", e.getMessage());
            }
        }
    }

    private static EmbeddedPostgres.Builder builder(Path cluster, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // The application stops the server itself, after the Spring context has closed.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100")
                // Crash recovery after a kill, on a busy machine, can take longer than the library's 10 s.
                .setPGStartupWait(Duration.ofSeconds(120));
        String on = durable ? "on" : "off";
        builder.setServerConfig("fsync", on)
                .setServerConfig("synchronous_commit", on)
                .setServerConfig("full_page_writes", on);
        return builder;
    }

    /**
     * A new cluster comes from initdb with trust authentication. Start it once on loopback,
     * give the superuser a generated password, then replace the access rules with SCRAM only,
     * before anything else can use it. The password file is written last, so a crash part-way
     * repeats these steps on the next start.
     */
    private static void secureNewCluster(Path cluster, Path superuserFile, boolean durable) throws IOException {
        log.info("Preparing a new bundled PostgreSQL cluster in {}", cluster);
        String password = generatePassword();
        try (EmbeddedPostgres bootstrap = builder(cluster, durable).start();
                Connection c = bootstrap.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IOException("Could not set the superuser password", e);
        }
        Files.writeString(cluster.resolve("pg_hba.conf"), """
                # Written by Carryover: password (SCRAM) access from this machine only.
                # TYPE  DATABASE  USER  ADDRESS        METHOD
                local   all       all                  scram-sha-256
                host    all       all   127.0.0.1/32   scram-sha-256
                host    all       all   ::1/128        scram-sha-256
                """, StandardCharsets.UTF_8);
        writePrivate(superuserFile, password);
    }

    private static String ensureApplicationRole(EmbeddedPostgres postgres, Path appFile) throws IOException {
        String password = Files.exists(appFile) ? read(appFile) : generatePassword();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            if (!roleExists) {
                s.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            } else if (!Files.exists(appFile)) {
                s.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + password + "'");
            }
            boolean databaseExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                databaseExists = rs.next();
            }
            if (!databaseExists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE + " ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IOException("Could not prepare the application role and database", e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection(); Statement s = c.createStatement()) {
            // PostgreSQL 15+ no longer lets every role create in public; the app role owns it instead.
            s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
        } catch (SQLException e) {
            throw new IOException("Could not give the application role its schema", e);
        }
        if (!Files.exists(appFile)) {
            writePrivate(appFile, password);
        }
        return password;
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // URL-safe Base64 has no quote characters, so it is safe inside the SQL literals above.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (supportsPosix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (supportsPosix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
