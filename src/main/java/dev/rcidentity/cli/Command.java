package dev.rcidentity.cli;

import dev.rcidentity.config.Settings;

/** One sub-command of the {@code rc-identity} jar. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** What {@code <command> --help} prints. */
    String help();

    /** Runs the command; returns the process exit code. */
    int run(Settings settings, Console console) throws Exception;
}
