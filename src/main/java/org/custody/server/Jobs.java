package org.custody.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.custody.audit.AuditLog;

/**
 * Long work started by a request (an evidence upload, a list update) runs on its own thread, as the
 * account that started it (so its audit entries name that account); the client polls
 * {@code GET /api/jobs/{id}} for progress. Finished jobs are kept for an hour.
 */
public final class Jobs {

    /** What a job reports while it runs. */
    public interface Progress {
        void total(int total);

        void step(Map<String, Object> result);

        void refused(String reason);

        /** What the job is doing now, in a few words (e.g. bytes of a download so far); shown until the next one. */
        default void activity(String text) { }
    }

    @FunctionalInterface
    public interface Work {
        Map<String, Object> run(Progress progress) throws Exception;
    }

    /** A job's state as the API shows it. */
    public static final class Job implements Progress {
        final long id;
        final String kind;
        final String owner;
        final Instant started = Instant.now();
        volatile String state = "running";
        volatile int total = -1;
        volatile Instant finished;
        volatile Map<String, Object> outcome;
        volatile String error;
        volatile String activity;
        final List<Map<String, Object>> results = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        Job(long id, String kind, String owner) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
        }

        @Override public void total(int total) { this.total = total; }

        @Override public synchronized void step(Map<String, Object> result) { results.add(result); }

        @Override public synchronized void refused(String reason) { refused.add(reason); }

        @Override public void activity(String text) { this.activity = text; }

        public long id() { return id; }

        public String owner() { return owner; }

        public synchronized Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("kind", kind);
            m.put("owner", owner);
            m.put("state", state);
            m.put("started", started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            m.put("total", total < 0 ? null : total);
            m.put("done", results.size() + refused.size());
            m.put("activity", activity);
            m.put("results", List.copyOf(results));
            m.put("refused", List.copyOf(refused));
            m.put("outcome", outcome);
            m.put("error", error);
            return m;
        }
    }

    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Job start(String kind, String owner, Work work) {
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(Instant.now().minusSeconds(3600)));
        Job job = new Job(ids.incrementAndGet(), kind, owner);
        jobs.put(job.id, job);
        Thread.ofPlatform().daemon().name("custody-job-" + job.id).start(() -> {
            try (AuditLog.Scope ignored = AuditLog.actingAs(owner)) {
                job.outcome = work.run(job);
                job.state = "done";
            } catch (Exception | StackOverflowError e) {
                job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                job.state = "failed";
            } finally {
                job.finished = Instant.now();
            }
        });
        return job;
    }

    public java.util.Optional<Job> get(long id) {
        return java.util.Optional.ofNullable(jobs.get(id));
    }
}
