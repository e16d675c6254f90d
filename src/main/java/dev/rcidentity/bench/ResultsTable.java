package dev.rcidentity.bench;

import java.util.Locale;

/** The results as a Markdown table (what the README shows), followed by the notes of each figure. */
final class ResultsTable {
    private ResultsTable() {
    }

    static String render(BenchResults results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "`%s` (%s): %d cores, Java %s, max heap %.0f MiB, %.0f s in all%n%n",
                results.command(), results.startedAt(), results.availableProcessors(), results.javaVersion(),
                results.maxHeapMiB(), results.totalSeconds()));
        out.append("| section | figure | value (median) | vs floor | vs peer | target | status |\n");
        out.append("|---|---|---:|---|---|---|---|\n");
        for (Figure f : results.figures()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", f.section(), f.name(),
                    value(f), ratio(f.ratio(), f.floor()), ratio(f.peerRatio(), f.peer()),
                    f.target() == null ? "" : f.target(), f.status()));
        }
        out.append('\n');
        for (Figure f : results.figures()) {
            if (f.note() != null) {
                out.append("- ").append(f.name()).append(": ").append(f.note()).append('\n');
            }
        }
        return out.toString();
    }

    static String ratio(Double ratio, String of) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.2f x %s", ratio, of);
    }

    static String value(Figure f) {
        if (Double.isNaN(f.value())) {
            return "-";
        }
        return switch (f.unit()) {
            case "records/s", "requests/s" -> String.format(Locale.ROOT, "%,.0f %s", f.value(), f.unit());
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", f.value());
            case "s" -> String.format(Locale.ROOT, "%.1f s", f.value());
            case "MiB" -> String.format(Locale.ROOT, "%,.0f MiB", f.value());
            default -> String.format(Locale.ROOT, "%,.0f %s", f.value(), f.unit()).trim();
        };
    }
}
