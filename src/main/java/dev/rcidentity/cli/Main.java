package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;
import dev.rcidentity.kafka.TopicMismatchException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code rc-identity} jar's entry point: dispatches to a command. */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final List<Command> COMMANDS = List.of(
            new DemoCommand(),
            new RunCommand(),
            new PollerCommand(),
            new StreamsCommand(),
            new TopicsCommand(),
            new SimulatorCommand(),
            new BenchCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Console.system()));
    }

    static int run(String[] args, Map<String, String> environment, Console console) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (SettingsException e) {
            console.err().println("rc-identity: " + e.getMessage());
            return USAGE;
        }
        if (line.command() == null) {
            console.out().print(usage());
            return line.help() ? OK : USAGE;
        }
        Command command = commands().get(line.command());
        if (command == null) {
            console.err().println("rc-identity: unknown command '" + line.command() + "'\n");
            console.err().print(usage());
            return USAGE;
        }
        if (line.help()) {
            console.out().println(command.help());
            return OK;
        }
        try {
            Settings settings = Settings.load(line.settings(), environment, line.configFile());
            return command.run(settings, console);
        } catch (SettingsException e) {
            console.err().println("rc-identity " + command.name() + ": " + e.getMessage());
            return USAGE;
        } catch (TopicMismatchException e) {
            console.err().println("rc-identity " + command.name() + ": the topics do not match their definitions:");
            e.problems().forEach(p -> console.err().println("  " + p));
            return FAILED;
        } catch (Exception e) {
            console.err().println("rc-identity " + command.name() + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    static Map<String, Command> commands() {
        Map<String, Command> byName = new LinkedHashMap<>();
        COMMANDS.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                rc-identity: who is behind a RingCentral login, as a Kafka Streams identity table.

                Usage: java -jar target/rc-identity.jar <command> [--config FILE] [--KEY=VALUE ...]

                Commands:
                """);
        COMMANDS.forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        text.append("""

                '<command> --help' tells more about each. Settings come from the command line, then the
                environment (KAFKA_BOOTSTRAP_SERVERS, HTTP_PORT, ...), then the --config properties file.
                """);
        return text.toString();
    }
}
