package org.custody.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second user of the same home waits for the first instead of failing, and says so. */
class HomeLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondHolderWaitsSaysSoAndGetsTheLockOnceTheFirstLetsGo() throws Exception {
        Path file = home.resolve("custody.lock");
        List<String> told = new CopyOnWriteArrayList<>();
        CountDownLatch waiting = new CountDownLatch(1);
        HomeLock first = HomeLock.acquire(file, Duration.ZERO, told::add);
        CompletableFuture<HomeLock> second = CompletableFuture.supplyAsync(() -> HomeLock.acquire(file,
                Duration.ofSeconds(120), m -> {
                    told.add(m);
                    waiting.countDown();
                }));
        assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second).isNotDone();
        assertThat(told.getFirst()).startsWith("waiting for another Custody process (pid "
                + ProcessHandle.current().pid() + ")");
        first.close();
        second.get(60, TimeUnit.SECONDS).close();
    }

    @Test
    void givesUpAfterTheTimeoutNamingTheHolder() {
        Path file = home.resolve("custody.lock");
        try (HomeLock held = HomeLock.acquire(file, Duration.ZERO, m -> { })) {
            assertThatThrownBy(() -> HomeLock.acquire(file, Duration.ZERO, m -> { }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another Custody process (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("gave up waiting");
        }
    }

    @Test
    void noServerToStopWhenThereIsNoPidFileOrItsProcessIsNotPostgres() throws Exception {
        assertThat(HomeLock.stopStaleServer(home, Duration.ofSeconds(1))).isEmpty();
        java.nio.file.Files.writeString(home.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
        assertThat(HomeLock.stopStaleServer(home, Duration.ofSeconds(1))).isEmpty();   // this JVM is not postgres
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
