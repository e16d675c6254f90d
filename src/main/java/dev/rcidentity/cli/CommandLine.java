package dev.rcidentity.cli;

import dev.rcidentity.config.SettingKeys;
import dev.rcidentity.config.Settings;
import dev.rcidentity.config.SettingsException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <command> [--help] [--config FILE] [--KEY=VALUE | --KEY VALUE ...]}: any setting can be given on the command
 * line, as {@code --http-port 8081}, {@code --HTTP_PORT=8081} or {@code --http.port=8081}.
 */
record CommandLine(String command, boolean help, Path configFile, Map<String, String> settings) {
    /** Options that take no value ({@code bench --quick}). */
    static final Set<String> FLAGS = Set.of(SettingKeys.QUICK.key());

    static CommandLine parse(String[] args) {
        String command = null;
        boolean help = false;
        Path config = null;
        Map<String, String> settings = new HashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help") && command == null) {
                help = true;
            } else if (arg.startsWith("--")) {
                String option = arg.substring(2);
                String value;
                int eq = option.indexOf('=');
                if (eq >= 0) {
                    value = option.substring(eq + 1);
                    option = option.substring(0, eq);
                } else if (FLAGS.contains(option)) {
                    value = "true";
                } else if (i + 1 < list.size() && !list.get(i + 1).startsWith("--")) {
                    value = list.get(++i);
                } else {
                    throw new SettingsException("--" + option + " needs a value (--" + option + "=VALUE)");
                }
                if (option.equals("config")) {
                    config = Path.of(value);
                } else if (!Settings.isKnown(option)) {
                    throw new SettingsException("Unknown setting --" + option + " ('<command> --help' lists the settings)");
                } else {
                    settings.put(option, value);
                }
            } else if (command == null) {
                command = arg;
            } else {
                throw new SettingsException("Unexpected argument '" + arg + "' (settings are given as --KEY=VALUE)");
            }
        }
        return new CommandLine(command, help, config, settings);
    }
}
