package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeysTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasItsOwnHelp() {
        assertEquals(0, run(Map.of(), "--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String command : Main.commands().keySet()) {
            assertTrue(usage.contains("  " + command + " "), usage);
            out.reset();
            assertEquals(0, run(Map.of(), command, "--help"));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar target/rc-identity.jar " + command));
        }
    }

    @Test
    void helpTextsNameOnlyDefinedSettings() {
        assertEquals(List.of(), SettingKeysTest.undefinedNames(Main.usage()));
        for (Command command : Main.commands().values()) {
            assertEquals(List.of(), SettingKeysTest.undefinedNames(command.help()), command.name());
        }
    }

    @Test
    void anUnknownSettingOnTheCommandLineIsAUsageError() {
        assertEquals(2, run(Map.of(), "topics", "--htpp-port=1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown setting --htpp-port"), err.toString());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'frobnicate'"));
    }

    @Test
    void productionCommandsRefuseToStartWithoutABroker() {
        for (String command : new String[]{"run", "streams", "topics", "poller"}) {
            err.reset();
            assertEquals(2, run(Map.of(), command));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("KAFKA_BOOTSTRAP_SERVERS is not set"), err.toString());
        }
    }

    @Test
    void aMalformedSettingIsNamed() {
        assertEquals(2, run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "x:1", "TOPIC_PARTITIONS", "many"), "topics"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("TOPIC_PARTITIONS must be a whole number"), err.toString());
    }

    @Test
    void pollerAndRunWithConnectionsRefuseToStartWithoutACredentialsKey() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "RC_CLIENT_ID", "id",
                "RC_CLIENT_SECRET", "secret-value-1", "RC_JWT", "jwt-value-1");
        for (String command : new String[]{"run", "poller"}) {
            err.reset();
            assertEquals(2, run(env, command));
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("CREDENTIALS_KEY") && message.contains("CREDENTIALS_KEY_FILE"), message);
            assertTrue(!message.contains("secret-value-1") && !message.contains("jwt-value-1"), message);
        }
        err.reset();
        assertEquals(2, run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "CREDENTIALS_KEY", "not-a-key!"), "poller"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CREDENTIALS_KEY is not valid base64"), err.toString());
    }
}
