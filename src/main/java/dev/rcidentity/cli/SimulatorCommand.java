package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.simulator.RingCentralSimulator;
import dev.rcidentity.simulator.SimulatorOptions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code simulator}: the RingCentral simulator alone, for pointing a poller (or anything else) at it. */
final class SimulatorCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorCommand.class);

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String summary() {
        return "the built-in RingCentral simulator alone (a local server speaking RingCentral's wire format)";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar simulator [--config FILE] [--KEY=VALUE ...]

                Serves RingCentral's REST API for the endpoints the poller uses (OAuth JWT and refresh grants,
                account info, business address, extension list and info, userinfo) with per-group rate limits,
                429 + Retry-After and penalties, for simulated accounts that change over time in a seeded,
                repeatable way. Writes a connections file for them (RC_CONNECTIONS_FILE format) and prints how
                to point the poller at it. Ctrl-C stops it.
                """ + HelpText.settings(false, SettingKeys.SIMULATOR_ACCOUNTS, SettingKeys.SIMULATOR_EXTENSIONS,
                SettingKeys.SIMULATOR_PORT, SettingKeys.SIMULATOR_TICK_INTERVAL, SettingKeys.DATA_DIR);
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        try (Lifecycle lifecycle = new Lifecycle()) {
            lifecycle.stopOnSignal();
            Path dataDir = settings.dataDir();
            RingCentralSimulator simulator = lifecycle.add(start(OptionsFromSettings.simulator(settings), dataDir));
            lifecycle.add(rememberRound(simulator, dataDir));
            Path connections = writeConnections(simulator, dataDir);
            console.out().println(simulator.describe());
            console.out().println("""

                    Point a poller at it:
                      RC_CONNECTIONS_FILE=%s KAFKA_BOOTSTRAP_SERVERS=... java -jar target/rc-identity.jar poller
                    Press Ctrl-C to stop.""".formatted(connections));
            return lifecycle.awaitStop();
        }
    }

    /**
     * Starts the simulator and brings its directory to the round a previous run on the same DATA_DIR reached (the
     * simulator is seeded, so replaying the rounds gives the same people), so that a restarted demo does not see
     * departed people come back. {@link #rememberRound} saves the round on the way out.
     */
    static RingCentralSimulator start(SimulatorOptions options, Path dataDir) throws IOException {
        RingCentralSimulator simulator = RingCentralSimulator.start(options);
        Path roundFile = roundFile(dataDir);
        if (Files.isReadable(roundFile)) {
            try {
                int rounds = Integer.parseInt(Files.readString(roundFile).trim());
                while (simulator.round() < rounds) {
                    simulator.tick();
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring {}: not a round number", roundFile);
            }
        }
        return simulator;
    }

    /** Saves the simulator's round when closed; add it to the lifecycle after the simulator so it closes first. */
    static AutoCloseable rememberRound(RingCentralSimulator simulator, Path dataDir) {
        return () -> {
            Files.createDirectories(dataDir);
            Files.writeString(roundFile(dataDir), String.valueOf(simulator.round()));
        };
    }

    private static Path roundFile(Path dataDir) {
        return dataDir.resolve("simulator-round");
    }

    static Path writeConnections(RingCentralSimulator simulator, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("simulator-connections.json").toAbsolutePath();
        simulator.writeConnectionsFile(file);
        return file;
    }
}
