package dev.rcidentity.cli;

import dev.rcidentity.kafka.Settings;

/** {@code run}: production, every part, nothing embedded. */
final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "production: poller, topology and HTTP API against a real cluster; nothing embedded";
    }

    @Override
    public String help() {
        return """
                Usage: java -jar target/rc-identity.jar run [--config FILE] [--KEY=VALUE ...]

                Runs every part against an existing Kafka cluster and RingCentral. Nothing is embedded: it
                refuses to start when KAFKA_BOOTSTRAP_SERVERS is not set. Stops cleanly on Ctrl-C/SIGTERM.
                Settings: see 'streams --help' and the README.
                """;
    }

    @Override
    public int run(Settings settings, Console console) throws Exception {
        settings.require(Settings.KAFKA_BOOTSTRAP_SERVERS,
                "run is the production command and embeds no broker (use 'demo' to try rc-identity locally)");
        return new StreamsCommand().run(settings, console);
    }
}
