package io.serviceproof.admin;

import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.tokens.IssuedToken;
import io.serviceproof.identity.tokens.NewToken;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The {@code admin} command tree, parsed by picocli. */
@Command(
        name = "serviceproof admin",
        mixinStandardHelpOptions = true,
        description = "Administer organisations, users and API tokens without the UI.",
        subcommands = {AdminCommands.Org.class, AdminCommands.User.class, AdminCommands.Token.class})
final class AdminCommands implements Runnable {

    final AdminOperations operations;
    final PrintWriter out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AdminCommands(AdminOperations operations, PrintWriter out) {
        this.operations = operations;
        this.out = out;
    }

    static CommandLine commandLine(AdminOperations operations, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AdminCommands(operations, out));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            err.println("error: " + exception.getMessage());
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    @Command(
            name = "org",
            description = "Organisations (tenants).",
            subcommands = {Org.Create.class, Org.ListAll.class})
    static final class Org {

        @ParentCommand
        AdminCommands admin;

        @Command(name = "create", description = "Create an organisation.")
        static final class Create implements Runnable {
            @ParentCommand
            Org org;

            @Option(names = "--slug", required = true, description = "URL name, e.g. acme")
            String slug;

            @Option(names = "--name", required = true, description = "Display name")
            String name;

            @Option(names = "--description", defaultValue = "")
            String description;

            @Option(names = "--public-log", description = "Publish the organisation's log without sign-in")
            boolean publicLog;

            @Override
            public void run() {
                Organisation created = org.admin.operations.createOrganisation(slug, name, description, publicLog);
                org.admin.out.println(created.slug() + " " + created.id());
            }
        }

        @Command(name = "list", description = "List organisations.")
        static final class ListAll implements Runnable {
            @ParentCommand
            Org org;

            @Override
            public void run() {
                org.admin.operations.organisations().forEach(o -> org.admin.out.println(o.slug() + "\t" + o.name()));
            }
        }
    }

    @Command(
            name = "user",
            description = "Users.",
            subcommands = {User.Create.class})
    static final class User {

        @ParentCommand
        AdminCommands admin;

        @Command(name = "create", description = "Create a user; prints a generated password unless --password-stdin.")
        static final class Create implements Runnable {
            @ParentCommand
            User user;

            @Option(names = "--org", required = true, description = "Organisation slug")
            String org;

            @Option(names = "--email", required = true)
            String email;

            @Option(names = "--name", required = true, description = "Display name")
            String name;

            @Option(names = "--role", required = true, description = "OWNER, COMPLIANCE_MANAGER, ENGINEER or AUDITOR")
            String role;

            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
            boolean passwordFromStdin;

            @Override
            public void run() {
                String password = passwordFromStdin ? firstLineOfStdin() : generatedPassword();
                UserAccount created = user.admin.operations.createUser(
                        org, new NewUser(email, name, AdminOperations.role(role), password));
                user.admin.out.println(created.email() + " " + created.id());
                if (!passwordFromStdin) {
                    user.admin.out.println("password: " + password);
                }
            }
        }
    }

    @Command(name = "token", description = "Issue an API token and print its secret (shown only this once).")
    static final class Token implements Runnable {

        @ParentCommand
        AdminCommands admin;

        @Option(names = "--org", required = true, description = "Organisation slug")
        String org;

        @Option(names = "--role", required = true, description = "OWNER, COMPLIANCE_MANAGER, ENGINEER or AUDITOR")
        String role;

        @Option(names = "--name", defaultValue = "admin-cli", description = "Name shown in the token list")
        String name;

        @Option(names = "--days", defaultValue = "90", description = "Lifetime in days (1-365)")
        int days;

        @Override
        public void run() {
            IssuedToken issued = admin.operations.issueToken(org, new NewToken(name, AdminOperations.role(role), days));
            admin.out.println(issued.secret());
        }
    }

    private static String firstLineOfStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read standard input: " + e.getMessage());
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
