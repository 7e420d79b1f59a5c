package io.serviceproof.admin;

import java.io.PrintWriter;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs one admin command in a Spring context without a web server, then exits with picocli's exit
 * code (0 done, 1 failed, 2 usage error). Only the command's result goes to standard output, so
 * scripts can capture it: {@code TOKEN=$(./serviceproof admin token --org demo --role ENGINEER)}.
 */
public final class AdminCommandLine {

    private AdminCommandLine() {}

    /** @param application the Spring Boot application class whose configuration the command runs with */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(Class<?> application, String[] args, PrintWriter out, PrintWriter err) {
        // Parse (and answer --help) before starting Spring, so a typo costs no database start-up.
        CommandLine parseOnly = AdminCommands.commandLine(null, out, err);
        if (args.length == 0 || isHelp(args)) {
            return args.length == 0 ? usage(parseOnly, out) : parseOnly.execute(args);
        }
        try {
            parseOnly.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "OFF",
                        "spring.main.log-startup-info", "false"))
                .run()) {
            return AdminCommands.commandLine(context.getBean(AdminOperations.class), out, err)
                    .execute(args);
        }
    }

    private static int usage(CommandLine commandLine, PrintWriter out) {
        commandLine.usage(out);
        return 2;
    }

    private static boolean isHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return true;
            }
        }
        return false;
    }
}
