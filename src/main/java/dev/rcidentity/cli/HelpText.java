package dev.rcidentity.cli;

import dev.rcidentity.config.Setting;

import java.util.Arrays;
import java.util.List;

/** The "Settings:" part of a command's help, written from the settings' own definitions. */
final class HelpText {
    private HelpText() {
    }

    /** {@code kafkaPassThrough}: the command's Kafka clients take any other {@code KAFKA_*} setting. */
    static String settings(boolean kafkaPassThrough, Setting<?>... settings) {
        List<Setting<?>> list = Arrays.asList(settings);
        int width = list.stream().mapToInt(s -> s.envName().length()).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder("\nSettings:\n");
        for (Setting<?> setting : list) {
            text.append("  ").append(pad(setting.envName(), width)).append(setting.meaning());
            setting.defaultValue().ifPresent(value -> text.append("; default ").append(value));
            text.append('\n');
        }
        if (kafkaPassThrough) {
            text.append("  ").append(pad("KAFKA_*", width)).append("any other Kafka client setting (KAFKA_SECURITY_PROTOCOL, ...)\n");
        }
        return text.toString();
    }

    private static String pad(String name, int width) {
        return name + " ".repeat(width - name.length());
    }
}
