import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reliability drills against the packaged server (run by bench/reliability/drill.sh):
 *
 * kill             the server process is killed with SIGKILL and started again, several times, while
 *                  the demo clients log practice (ids made by the client, unanswered requests sent again)
 * outage-bundled   the bundled PostgreSQL is stopped (fast shutdown, then SIGKILL) under the same load;
 *                  Carryover's watchdog starts it again
 * outage-external  an external PostgreSQL (Debian's, on loopback) is stopped for 15 s and started again
 *
 * Afterwards: every acknowledged entry must be in the database once, and the audit must verify.
 */
public class Drill {

    static final String PASSWORD = "try carryover today";
    static final List<String> CLIENTS = List.of("priya", "tom", "aisha", "lucas", "hannah", "diego");
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    static final Pattern QUICK_ASSIGNMENT = Pattern.compile(
            "\\{\"assignment\":\\{\"practiceId\":\"[^\"]+\",\"id\":\"([^\"]+)\"[^{}]*?\"worksheetKey\":null");

    final String mode;
    final Path jar = Path.of("target/carryover.jar").toAbsolutePath();
    final Path work = Path.of("target/drill").toAbsolutePath();
    final Path dataDir = work.resolve("data");
    final int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8107"));
    final String base = "http://127.0.0.1:" + port;
    final Map<String, String> extraEnv = new ConcurrentHashMap<>();
    final AtomicBoolean writing = new AtomicBoolean(true);
    final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong otherErrors = new AtomicLong();
    final AtomicLong slowest = new AtomicLong();
    final AtomicLong lastOk = new AtomicLong();
    final Set<String> problems = ConcurrentHashMap.newKeySet();
    final List<String> rounds = Collections.synchronizedList(new ArrayList<>());
    Process server;
    int serverStarts;
    String externalCluster;

    Drill(String mode) {
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "kill";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new Drill(mode).run(rounds);
    }

    void run(int roundCount) throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        if (mode.equals("outage-external")) {
            startExternalDatabase();
        }
        startServer();
        List<Thread> writers = new ArrayList<>();
        for (String client : CLIENTS) {
            Thread t = new Thread(() -> write(client), "writer-" + client);
            t.start();
            writers.add(t);
        }
        waitForWrites(System.nanoTime());
        Thread.sleep(5000);
        for (int round = 1; round <= roundCount; round++) {
            switch (mode) {
                case "kill" -> killRound(round);
                case "outage-bundled" -> bundledOutageRound(round);
                case "outage-external" -> externalOutageRound(round);
                default -> throw new IllegalArgumentException("Unknown drill " + mode);
            }
            Thread.sleep(4000);
        }
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }
        String verdict = check();
        stopServer();
        if (externalCluster != null) {
            pgCtl("stop", "-m", "fast");
        }
        report(verdict);
    }

    // ---- the load: one writer per demo client, each entry retried with the same id until answered ----

    void write(String client) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = null;
        String assignment = null;
        while (writing.get()) {
            try {
                if (csrf == null) {
                    csrf = signIn(http, client + "@demo.carryover.test");
                    assignment = quickAssignment(http);
                }
                UUID id = UUID.randomUUID();
                if (send(http, csrf, assignment, id)) {
                    acknowledged.add(id);
                } else {
                    csrf = null;
                }
            } catch (IOException | RuntimeException e) {
                if (problems.add(e.getClass().getSimpleName() + ": " + e.getMessage())) {
                    System.out.println(client + ": " + e);
                }
                pause(250);
                csrf = null;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends one entry until the server answers it; true once acknowledged, false if the session is gone. */
    boolean send(HttpClient http, String csrf, String assignment, UUID id) throws InterruptedException {
        long firstTry = System.nanoTime();
        String body = "{\"clientEntryId\":\"" + id + "\",\"rating\":" + ThreadLocalRandom.current().nextInt(0, 11) + "}";
        while (true) {
            attempts.incrementAndGet();
            long started = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/assignments/"
                        + assignment + "/entries")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                slowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                int status = r.statusCode();
                if (status == 200 || status == 201) {
                    lastOk.set(System.nanoTime());
                    return true;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                    if (r.headers().firstValue("Retry-After").isEmpty() || r.body().contains("Exception")) {
                        otherErrors.incrementAndGet();
                        System.out.println("503 without Retry-After or with internals: " + r.body());
                    }
                } else if (status == 401 || status == 403 || status == 302) {
                    return false;
                } else {
                    otherErrors.incrementAndGet();
                    System.out.println("Unexpected " + status + ": " + r.body());
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
            }
            if (!writing.get() && System.nanoTime() - firstTry > Duration.ofSeconds(60).toNanos()) {
                return false;
            }
            pause(200);
        }
    }

    String signIn(HttpClient http, String email) throws IOException, InterruptedException {
        String form = get(http, "/signin").body();
        Matcher token = CSRF_INPUT.matcher(form);
        if (!token.find()) {
            throw new IOException("no CSRF token on the sign-in page");
        }
        String body = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IOException("sign-in of " + email + " answered " + r.statusCode() + " " + location);
        }
        Matcher meta = CSRF_META.matcher(get(http, "/today").body());
        if (!meta.find()) {
            throw new IOException("no CSRF token after signing in");
        }
        return meta.group(1);
    }

    String quickAssignment(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> r = get(http, "/api/v1/me/assignments");
        Matcher m = QUICK_ASSIGNMENT.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("no quick-log assignment: " + r.statusCode());
        }
        return m.group(1);
    }

    HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", path.startsWith("/api") ? "application/json" : "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- the faults ----

    void killRound(int round) throws Exception {
        pause(ThreadLocalRandom.current().nextLong(3000, 9000));
        long ackedBefore = acknowledged.size();
        server.destroyForcibly();
        server.waitFor();
        long killed = System.nanoTime();
        startServer();
        long up = System.nanoTime();
        waitForWrites(killed);
        rounds.add(String.format("round %d: killed with %d acknowledged; started again and healthy after %.1f s; "
                + "first acknowledged entry %.1f s after the kill", round, ackedBefore, (up - killed) / 1e9,
                (lastOk.get() - killed) / 1e9));
    }

    void bundledOutageRound(int round) throws Exception {
        pause(3000);
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        String signal = round % 2 == 1 ? "INT" : "KILL";
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        long stopped = System.nanoTime();
        boolean healthDown = false;
        long dbBack = 0;
        while (dbBack == 0) {
            healthDown |= healthStatus() == 503;
            if (databaseAnswers() && !Long.toString(pid).equals(currentPid())) {
                dbBack = System.nanoTime();
            }
            pause(100);
        }
        long resumed = waitForWrites(dbBack);
        rounds.add(String.format("round %d: bundled PostgreSQL stopped (SIG%s to the postmaster); back after %.1f s "
                + "(the watchdog); health reported DOWN: %s; first acknowledged entry %.1f s after the database was back",
                round, signal, (dbBack - stopped) / 1e9, healthDown, (resumed - dbBack) / 1e9));
    }

    void externalOutageRound(int round) throws Exception {
        pause(3000);
        pgCtl("stop", "-m", "fast");
        long stopped = System.nanoTime();
        boolean healthDown = false;
        while (System.nanoTime() - stopped < Duration.ofSeconds(15).toNanos()) {
            healthDown |= healthStatus() == 503;
            pause(500);
        }
        long unavailableBefore = unavailable.get();
        pgCtl("start", "-w", "-l", work.resolve("external-postgres.log").toString());
        long dbBack = System.nanoTime();
        long resumed = waitForWrites(dbBack);
        rounds.add(String.format("round %d: external PostgreSQL stopped for %.1f s; health reported DOWN: %s; 503s so "
                + "far %d; first acknowledged entry %.1f s after the database was back", round, (dbBack - stopped) / 1e9,
                healthDown, unavailableBefore, (resumed - dbBack) / 1e9));
    }

    long waitForWrites(long since) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (lastOk.get() < since && System.nanoTime() < deadline) {
            pause(50);
        }
        return lastOk.get();
    }

    int healthStatus() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- the server and its databases ----

    void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--carryover.demo=true"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CARRYOVER_DATA_DIR", dataDir.toString());
        builder.environment().put("CARRYOVER_BASE_URL", base);
        builder.environment().putAll(extraEnv);
        server = builder.start();
        serverStarts++;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (healthStatus() != 200) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The server did not start; see " + work.resolve("server.log"));
            }
            pause(250);
        }
    }

    void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    void startExternalDatabase() throws Exception {
        externalCluster = work.resolve("external").toString();
        Files.createDirectories(Path.of(externalCluster));
        run("chown", "postgres", externalCluster);
        // pg_ctl writes its log into the work directory as the postgres user, and initdb cannot read /dev/stdin
        // under runuser: the password goes in a file only postgres reads.
        run("chmod", "a+rwx", work.toString());
        Path password = work.resolve("external-password");
        Files.writeString(password, "drill\n", StandardCharsets.UTF_8);
        run("chown", "postgres", password.toString());
        run("chmod", "600", password.toString());
        runAsPostgres("/usr/lib/postgresql/15/bin/initdb", "-D", externalCluster, "-A", "scram-sha-256", "--pwfile=" + password);
        Files.writeString(Path.of(externalCluster, "postgresql.auto.conf"), "port = 5497\nlisten_addresses = '127.0.0.1'\n",
                StandardOpenOption.APPEND);
        pgCtl("start", "-w", "-l", work.resolve("external-postgres.log").toString());
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5497/postgres", "postgres", "drill");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE carryover LOGIN PASSWORD 'drill'");
            s.execute("CREATE DATABASE carryover OWNER carryover");
        }
        extraEnv.put("CARRYOVER_DB_URL", "jdbc:postgresql://127.0.0.1:5497/carryover");
        extraEnv.put("CARRYOVER_DB_USER", "carryover");
        extraEnv.put("CARRYOVER_DB_PASSWORD", "drill");
        // Nothing listens there: the demo sends no mail, but an external database needs SMTP configured.
        extraEnv.put("CARRYOVER_SMTP_HOST", "127.0.0.1");
        extraEnv.put("CARRYOVER_SMTP_PORT", "2599");
    }

    void pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/lib/postgresql/15/bin/pg_ctl", "-D", externalCluster));
        command.addAll(List.of(args));
        runAsPostgres(command.toArray(String[]::new));
    }

    void runAsPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        p.getOutputStream().write("drill\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    void run(String... command) throws Exception {
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    Connection database() throws Exception {
        if (externalCluster != null) {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5497/carryover", "carryover", "drill");
        }
        String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim();
        String password = Files.readString(dataDir.resolve("postgres-carryover.password")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/carryover", "carryover", password);
    }

    boolean databaseAnswers() {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    String currentPid() {
        try {
            return Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim();
        } catch (Exception e) {
            return "";
        }
    }

    // ---- the verdict ----

    String check() throws Exception {
        Set<UUID> stored = new HashSet<>();
        long duplicates = 0;
        long rows = 0;
        try (Connection c = database(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT client_entry_id, count(*) FROM practice_entry GROUP BY client_entry_id")) {
            while (rs.next()) {
                stored.add(rs.getObject(1, UUID.class));
                rows += rs.getLong(2);
                duplicates += rs.getLong(2) - 1;
            }
        }
        long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(admin, "maya@demo.carryover.test");
        String audit = get(admin, "/api/v1/audit/verification").body();
        return String.format("acknowledged %d, lost %d, duplicates %d (entries stored %d); attempts %d, 503 answers %d, "
                + "unanswered (connection refused or cut) %d, other errors %d, slowest answer %d ms; server starts %d; audit: %s",
                acknowledged.size(), lost, duplicates, rows, attempts.get(), unavailable.get(), unanswered.get(),
                otherErrors.get(), slowest.get(), serverStarts, audit);
    }

    void report(String verdict) throws IOException {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, load "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        StringBuilder out = new StringBuilder();
        out.append("\n### ").append(LocalDate.now()).append(" · drill `").append(mode).append("` · ").append(machine).append("\n\n");
        rounds.forEach(r -> out.append("- ").append(r).append('\n'));
        out.append("- **").append(verdict).append("**\n");
        System.out.print(out);
        Files.writeString(Path.of("docs/reliability.md"), out.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
