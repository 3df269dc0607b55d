package org.custody.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.custody.audit.AuditLog;

/**
 * Long work started from a page (an evidence upload), run one at a time on a background thread while the
 * page polls its progress. Jobs live in memory for the life of the server; what they record goes through
 * the use cases (and the audit log, as the user who started them).
 */
final class Jobs {

    /** What a running job reports. */
    interface Progress {
        void step(String line);
    }

    interface Work {
        String run(Progress progress);
    }

    /** A job's state as the progress page shows it. */
    static final class Job {
        final long id;
        final String title;
        final String owner;
        final int total;
        final Instant started = Instant.now();
        private final List<String> lines = new ArrayList<>();
        private volatile String state = "queued";
        private volatile String summary;

        Job(long id, String title, String owner, int total) {
            this.id = id;
            this.title = title;
            this.owner = owner;
            this.total = total;
        }

        synchronized Map<String, Object> snapshot() {
            return Map.of("id", id, "title", title, "owner", owner, "state", state, "total", total, "done", lines.size(),
                    "lines", List.copyOf(lines), "summary", summary == null ? "" : summary, "started", started.toString());
        }

        synchronized void line(String l) {
            lines.add(l);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "custody-web-jobs");
        t.setDaemon(true);
        return t;
    });

    Job start(String title, String owner, int total, Work work) {
        Job job = new Job(ids.incrementAndGet(), title, owner, total);
        jobs.put(job.id, job);
        runner.submit(() -> {
            job.state = "running";
            try (AuditLog.Scope ignored = AuditLog.actingAs(owner)) {
                job.summary = work.run(job::line);
                job.state = "done";
            } catch (RuntimeException e) {
                job.summary = "failed: " + e.getMessage();
                job.state = "failed";
            }
        });
        return job;
    }

    Optional<Job> get(long id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
