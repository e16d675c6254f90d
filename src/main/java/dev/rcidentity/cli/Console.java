package dev.rcidentity.cli;

import java.io.PrintStream;

/** Where a command talks to its user: results on {@code out}, problems on {@code err}. */
record Console(PrintStream out, PrintStream err) {
    static Console system() {
        return new Console(System.out, System.err);
    }
}
