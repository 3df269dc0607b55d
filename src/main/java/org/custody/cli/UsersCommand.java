package org.custody.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Account;
import org.custody.accounts.PasswordPolicy;
import org.custody.accounts.Role;
import org.custody.audit.AuditLog;
import org.custody.store.accounts.AccountStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody users}: the server's accounts and API tokens, managed from the command line. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the server's accounts and API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.SetRole.class,
                UsersCommand.Token.class, UsersCommand.Revoke.class, UsersCommand.Tokens.class})
final class UsersCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final String ROLES = "analyst, vetting_officer, monitoring_officer, supervisor, auditor, admin";

    static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The password from standard input (first line), or a generated one printed once. */
    static char[] password(boolean fromStdin, String who) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new UsageException("--password-stdin: standard input is empty");
                return line.toCharArray();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the password from standard input: " + e.getMessage(), e);
            }
        }
        char[] p = PasswordPolicy.generate();
        System.out.println("Password of " + who + ": " + new String(p) + "   (shown this once; only its Argon2id hash is stored)");
        return p;
    }

    static <T> T refusing(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AccountStore.AccountNotFoundException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account (prints a generated password once).")
    static final class Add implements Runnable {
        private final CliContext context;
        @Parameters(paramLabel = "NAME", description = "User name: a letter, then letters, digits, '.', '_' or '-'.") String name;
        @Option(names = "--role", required = true, description = "One of: " + ROLES + ".") String role;
        @Option(names = "--password-stdin", description = "Read the password from standard input instead of generating one.") boolean stdin;

        Add(CliContext context) { this.context = context; }

        @Override
        public void run() {
            Role r = role(role);
            String user;
            try {
                user = org.custody.accounts.UserNames.check(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            char[] pw = password(stdin, user);
            Account a = ServeCommand.accounts(context).create(user, r, pw, AuditLog.currentActor());
            System.out.println("Created " + a.username() + " (" + a.role().wire() + ").");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Runnable {
        private final CliContext context;
        @Option(names = "--json", description = "JSON Lines.") boolean json;

        ListUsers(CliContext context) { this.context = context; }

        @Override
        public void run() {
            List<Account> all = ServeCommand.accounts(context).list();
            if (all.isEmpty() && !json) System.out.println("No accounts yet (the first `custody serve` creates admin).");
            for (Account a : all) {
                if (json) {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("username", a.username());
                    m.put("role", a.role().wire());
                    m.put("disabled", a.disabled());
                    m.put("createdAt", a.createdAt().toString());
                    System.out.println(Json.line(m));
                } else {
                    System.out.printf("%-24s %-20s %s%n", a.username(), a.role().wire(), a.disabled() ? "disabled" : "active");
                }
            }
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a new password (generated unless --password-stdin); ends the account's sessions.")
    static final class Passwd implements Runnable {
        private final CliContext context;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--password-stdin", description = "Read the password from standard input instead of generating one.") boolean stdin;

        Passwd(CliContext context) { this.context = context; }

        @Override
        public void run() {
            AccountStore store = ServeCommand.accounts(context);
            refusing(() -> store.find(name).orElseThrow(() -> new AccountStore.AccountNotFoundException("no user '" + name + "'")));
            char[] pw = password(stdin, name);
            refusing(() -> { store.setPassword(name, pw, AuditLog.currentActor()); return null; });
            System.out.println("Password of " + name + " changed; its sessions are ended.");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account: no sign-in, sessions ended, tokens refused.")
    static final class Disable implements Runnable {
        private final CliContext context;
        @Parameters(paramLabel = "NAME") String name;

        Disable(CliContext context) { this.context = context; }

        @Override
        public void run() {
            Account a = refusing(() -> ServeCommand.accounts(context).setDisabled(name, true, AuditLog.currentActor()));
            System.out.println("Disabled " + a.username() + ".");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable implements Runnable {
        private final CliContext context;
        @Parameters(paramLabel = "NAME") String name;

        Enable(CliContext context) { this.context = context; }

        @Override
        public void run() {
            Account a = refusing(() -> ServeCommand.accounts(context).setDisabled(name, false, AuditLog.currentActor()));
            System.out.println("Enabled " + a.username() + ".");
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change an account's role.")
    static final class SetRole implements Runnable {
        private final CliContext context;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "ROLE", description = "One of: " + ROLES + ".") String role;

        SetRole(CliContext context) { this.context = context; }

        @Override
        public void run() {
            Role r = role(role);
            Account a = refusing(() -> ServeCommand.accounts(context).setRole(name, r, AuditLog.currentActor()));
            System.out.println(a.username() + " is now " + a.role().wire() + ".");
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Create an API token for an account (printed once).")
    static final class Token implements Runnable {
        private final CliContext context;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--name", paramLabel = "LABEL", defaultValue = "token", description = "The token's label (default ${DEFAULT-VALUE}).") String label;

        Token(CliContext context) { this.context = context; }

        @Override
        public void run() {
            String secret = refusing(() -> ServeCommand.accounts(context).createToken(name, label, AuditLog.currentActor()));
            System.out.println(secret);
            System.err.println("API token '" + label + "' of " + name + " (shown this once): send it as 'Authorization: Bearer <token>'.");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an account's API token by its label.")
    static final class Revoke implements Runnable {
        private final CliContext context;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "LABEL") String label;

        Revoke(CliContext context) { this.context = context; }

        @Override
        public void run() {
            refusing(() -> { ServeCommand.accounts(context).revokeToken(name, label, AuditLog.currentActor()); return null; });
            System.out.println("Revoked token '" + label + "' of " + name + ".");
        }
    }

    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "List API tokens (labels and dates, never the secrets).")
    static final class Tokens implements Runnable {
        private final CliContext context;

        Tokens(CliContext context) { this.context = context; }

        @Override
        public void run() {
            var all = ServeCommand.accounts(context).tokens();
            if (all.isEmpty()) System.out.println("No API tokens.");
            for (var t : all) {
                System.out.printf("%-24s %-24s created %s%s%n", t.username(), t.name(), t.createdAt(),
                        t.revokedAt() == null ? "" : ", revoked " + t.revokedAt());
            }
        }
    }
}
