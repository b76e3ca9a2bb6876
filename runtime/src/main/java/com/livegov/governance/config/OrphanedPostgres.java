package com.livegov.governance.config;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;

/**
 * The embedded PostgreSQL left running by an application that died without stopping it ({@code kill -9}, an
 * out-of-memory kill, a power cut of the JVM only). PostgreSQL is started through {@code pg_ctl}, so it does not
 * die with the JVM, and its {@code postmaster.pid} then makes the next start on the same data directory fail.
 *
 * <p>Before the embedded server starts, this finds the server named by the data directory's {@code postmaster.pid}
 * and stops it (SIGTERM, a clean shutdown: everything committed stays) when, and only when:
 * <ul>
 * <li>no running application holds the data directory (the embedded library's lock file {@code epg-lock} is free:
 * the lock of a killed JVM is released by the operating system);</li>
 * <li>the pid file names our data directory;</li>
 * <li>that process is alive, is a {@code postgres} executable, and serves our data directory (its working
 * directory, or its {@code -D} argument).</li>
 * </ul>
 * A server of any other data directory is never touched.
 */
final class OrphanedPostgres {

    private static final String PID_FILE = "postmaster.pid";
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Log log;

    OrphanedPostgres(Path dataDir, Log log) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.log = log;
    }

    /** Stops the orphaned server of our data directory, if there is one; returns whether one was stopped. */
    boolean stopIfPresent() {
        Optional<ProcessHandle> orphan = find();
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle server = orphan.get();
        log.warn("An embedded PostgreSQL (pid " + server.pid() + ") of the data directory " + dataDir
                + " outlived its application; stopping it before starting again");
        stop(server);
        return true;
    }

    /** The live postgres process that owns our data directory and no running application holds, if any. */
    Optional<ProcessHandle> find() {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = readLines(pidFile);
        if (lines.size() < 2 || !sameDirectory(lines.get(1).trim())) {
            log.warn(PID_FILE + " in " + dataDir + " names another data directory; leaving its server alone");
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // a stale pid file: PostgreSQL itself sees that its pid is gone and starts
            return Optional.empty();
        }
        if (!isPostgresOfOurDirectory(process.get())) {
            // the pid was reused by an unrelated process; PostgreSQL checks the pid file the same way
            log.info("pid " + pid + " of " + pidFile + " is not a PostgreSQL of this data directory; leaving it alone");
            return Optional.empty();
        }
        if (heldByRunningApplication()) {
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
                    + " is in use by another running application (pid " + pid + ")");
        }
        return process;
    }

    private boolean isPostgresOfOurDirectory(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty() || !Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        if (Files.exists(cwd) && sameFile(cwd, dataDir)) {
            return true;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        int d = Arrays.asList(arguments).indexOf("-D");
        return d >= 0 && d + 1 < arguments.length && sameDirectory(arguments[d + 1]);
    }

    private boolean heldByRunningApplication() {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true)) {
            FileLock lock = stream.getChannel().tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // this JVM itself holds it
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the lock of " + dataDir, e);
        }
    }

    private void stop(ProcessHandle server) {
        // SIGTERM, PostgreSQL's smart shutdown: it waits for its sessions, and those of the dead application are gone
        // already. Not pg_ctl: it refuses to run as root.
        server.destroy();
        try {
            server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL " + server.pid(), e);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL " + server.pid() + " of " + dataDir
                    + " did not stop within " + STOP_WAIT.toSeconds() + " s", e);
        }
        log.info("Stopped the orphaned embedded PostgreSQL (pid " + server.pid() + ")");
    }

    private boolean sameDirectory(String path) {
        return !path.isBlank() && sameFile(Path.of(path), dataDir);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
