package org.custody.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.custody.audit.AuditLog;
import org.custody.server.ServerApp;
import org.custody.server.Services;
import org.custody.store.accounts.AccountStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody serve}: one process holding the screening index in memory, serving the JSON API and
 * the web pages on this home's database until it is stopped (Ctrl-C / SIGTERM).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the API and web pages (JSON API, yente-compatible screening, sign-in with accounts and roles).")
final class ServeCommand implements Runnable {

    private final CliContext context;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: every interface).")
    String bind;

    @Option(names = "--demo", description = "First run `custody demo` (bundled lists, demo ledger and evidence; safe to repeat).")
    boolean demo;

    @Option(names = "--secure-cookies", description = "Mark cookies Secure (set when an https proxy fronts the server).")
    boolean secureCookies;

    @Option(names = "--threads", description = "Request threads at most (default 200, Jetty's own).")
    Integer threads;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535, not " + port);
        if (threads != null && (threads < 8 || threads > 1000)) throw new UsageException("--threads must be between 8 and 1000, not " + threads);
        if (demo) {
            int code = CustodyCommand.execute(context, "demo");
            if (code != 0) throw new IllegalStateException("the demo did not complete (exit " + code + "); not serving");
            System.out.println();
        }
        Services services = new Services(context.home(), context.database(), context::screener, context::invalidateScreener,
                Clock.systemUTC());
        Optional<char[]> password = services.accounts().createFirstAdmin(AuditLog.currentActor());
        long t0 = System.nanoTime();
        int entities = services.screener().entityCount();
        System.out.println("Screening index in memory: " + entities + " list entities ("
                + (System.nanoTime() - t0) / 1_000_000 + " ms).");
        String version = new BuildVersion().getVersion()[0];
        ServerApp server = org.custody.server.wiring.CustodyServer.create(services, new ServerApp.Settings(bind, port, secureCookies, version,
                threads != null ? threads : ServerApp.DEFAULT_THREADS)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            server.stop();
            stopped.countDown();
        };
        RUNNING.add(stop);
        Thread hook = new Thread(() -> {
            stop.run();
            context.close();
        }, "custody-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
        String url = "http://" + host + ":" + server.port() + "/";
        System.out.println("Custody is serving on " + url + " (API document: " + url + "api-docs; stop with Ctrl-C)");
        if (password.isPresent()) {
            System.out.println("First start: created the account 'admin' with the password " + new String(password.get()));
            System.out.println("  (shown this once; only its Argon2id hash is stored — change it with `custody users passwd admin`)");
        } else {
            System.out.println("Sign in with your account (`custody users add NAME --role ROLE` creates one; "
                    + "`custody users token NAME` makes an API token for machine clients).");
        }
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(stop);
        }
        if (!Thread.currentThread().getName().equals(hook.getName())) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook runs
            }
        }
        System.out.println("Custody stopped serving on " + url);
    }

    /** How to stop the servers this JVM runs (the shutdown hook, and the README walkthrough after its checks). */
    static final java.util.Set<Runnable> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Stops every server this JVM started with {@code custody serve}; each run() then returns. */
    static void stopAll() {
        for (Runnable r : List.copyOf(RUNNING)) r.run();
    }

    /** For {@link UsersCommand}: a store on this context's database. */
    static AccountStore accounts(CliContext context) {
        return new AccountStore(context.database());
    }
}
