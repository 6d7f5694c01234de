package app.carryover.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster of the bundled cluster as the operating system sees it, found through the
 * {@code postmaster.pid} file PostgreSQL keeps in its data directory (first line the process id,
 * second line the data directory).
 *
 * <p>The bundled server runs as a separate process, so when Carryover's own process is killed
 * (SIGKILL, the kernel's out-of-memory killer, a crashed service manager) the server keeps
 * running with nobody to stop it, and the next start fails because the data directory is still
 * in use. {@link #stopLeftRunning} finds such a server and shuts it down cleanly first. It is
 * called only while Carryover holds the data directory's lock, so the server cannot belong to a
 * Carryover that is still running.
 */
final class BundledServerProcess {

    private static final Logger log = LoggerFactory.getLogger(BundledServerProcess.class);
    private static final Duration CLEAN_STOP = Duration.ofSeconds(60);
    private static final Duration FORCED_STOP = Duration.ofSeconds(30);

    private BundledServerProcess() {
    }

    /** The running postmaster of this cluster, if its pid file names a live PostgreSQL process serving it. */
    static Optional<ProcessHandle> running(Path cluster) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + cluster.resolve("postmaster.pid") + ": " + e.getMessage(), e);
        }
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(BundledServerProcess::isPostgres);
        if (process.isPresent() && !sameDirectory(Path.of(lines.get(1).trim()), cluster)) {
            return Optional.empty();
        }
        return process;
    }

    /** The port the running server of this cluster listens on (the pid file's fourth line). */
    static int port(Path cluster) {
        try {
            return Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(3).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not read the running server's port from " + cluster.resolve("postmaster.pid"), e);
        }
    }

    /**
     * Stops a server of this cluster left running by an earlier Carryover process: a fast shutdown
     * (SIGINT: open transactions rolled back, a checkpoint written, a clean stop), and only if that
     * does not finish within a minute an immediate one (SIGQUIT, after which PostgreSQL replays
     * its write-ahead log on the next start, losing nothing committed).
     */
    static void stopLeftRunning(Path cluster) {
        Optional<ProcessHandle> left = running(cluster);
        if (left.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = left.get();
        log.warn("The bundled PostgreSQL of an earlier run is still running (pid {}, data in {}): Carryover was "
                + "stopped without shutting it down. Stopping it cleanly before starting again.", postmaster.pid(), cluster);
        long started = System.nanoTime();
        signal(postmaster, "INT");
        if (!awaitExit(postmaster, CLEAN_STOP)) {
            log.warn("The left-over PostgreSQL (pid {}) did not stop within {} s; stopping it immediately",
                    postmaster.pid(), CLEAN_STOP.toSeconds());
            signal(postmaster, "QUIT");
            if (!awaitExit(postmaster, FORCED_STOP)) {
                throw new IllegalStateException("The bundled PostgreSQL of an earlier run (pid " + postmaster.pid()
                        + ") is still running and would not stop; stop it by hand (pg_ctl stop -D " + cluster + ")");
            }
        }
        log.info("The left-over PostgreSQL stopped after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Sends a POSIX signal; PostgreSQL reads SIGINT as fast shutdown and SIGQUIT as immediate shutdown. */
    static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("No kill command ({}); falling back to SIGTERM", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // SIGTERM is PostgreSQL's "smart" shutdown: it waits for sessions, which died with their process.
        process.destroy();
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Without the command (another user's process, or a platform that hides it) the process is
        // not ours to stop; PostgreSQL's own check of the pid file then decides.
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
