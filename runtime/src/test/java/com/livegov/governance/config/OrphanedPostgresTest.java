package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a live postgres of our own data directory counts as orphaned: a pid file naming a live process that is
 * not PostgreSQL (here: this test's JVM), another data directory, or a pid that is gone is left alone.
 */
class OrphanedPostgresTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDir;

    @Test
    void aLiveProcessThatIsNotPostgresIsLeftAlone() throws IOException {
        pidFile(ProcessHandle.current().pid(), dataDir);

        assertThat(orphans().find()).isEmpty();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aPidFileOfAnotherDataDirectoryIsLeftAlone() throws IOException {
        pidFile(ProcessHandle.current().pid(), otherDir);

        assertThat(orphans().find()).isEmpty();
    }

    @Test
    void aStalePidFileIsNoOrphan() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        pidFile(gone.pid(), dataDir);

        assertThat(orphans().stopIfPresent()).isFalse();
    }

    @Test
    void noPidFileNoOrphan() {
        assertThat(orphans().stopIfPresent()).isFalse();
    }

    private OrphanedPostgres orphans() {
        return new OrphanedPostgres(dataDir, LogFactory.getLog(OrphanedPostgresTest.class));
    }

    private void pidFile(long pid, Path directory) throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + directory + "\n1764680000\n5432\n");
    }
}
