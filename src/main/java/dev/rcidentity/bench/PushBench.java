package dev.rcidentity.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Push vs polling, the two modes at the same time (each on its own broker and simulator, so the run stays short;
 * they share the cores), see {@link PushMode}: staleness from a rename or renumber
 * in the simulator to its snapshot in {@code rc.extensions.v1} (read_committed; the identities need logins, the
 * snapshot is what changes them), and RingCentral requests per hour of one company by rate-limit group.
 * Per-hour counts are extrapolated: the push window's requests scaled to an hour plus one full sweep an hour
 * ({@code POLL_INTERVAL_WITH_PUSH}), against twelve full sweeps an hour (a 5-minute {@code POLL_INTERVAL}); a full
 * sweep costs what the polling mode's first sweep of a company cost.
 */
final class PushBench {
    static final String SECTION = "7. Push";
    private static final Duration SWEEP_WITH_PUSH = Duration.ofHours(1);
    private static final Duration FIVE_MINUTE_SWEEP = Duration.ofMinutes(5);

    private PushBench() {
    }

    static List<Figure> run(BenchOptions options, AppLauncher launcher, Path work) throws Exception {
        ExecutorService pollingThread = Executors.newSingleThreadExecutor();
        try {
            Future<PushMode.Measured> polling = pollingThread.submit(() ->
                    PushMode.run(false, options, work.resolve("polling"), launcher));
            PushMode.Measured push = PushMode.run(true, options, work.resolve("push"), launcher);
            return figures(options.push(), push, polling.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pollingThread.shutdownNow();
        }
    }

    static List<Figure> figures(BenchOptions.PushSizes sizes, PushMode.Measured push, PushMode.Measured polling) {
        List<Figure> figures = new ArrayList<>();
        String interval = sizes.pollInterval().toString();
        figures.addAll(staleness("push", push, "<= 5000 ms", 5000, String.format("%d companies x %,d extensions, "
                        + "%d rounds of changes %d s apart; %d renames/renumbers, %d never seen; window %.0f s",
                sizes.accounts(), sizes.extensions(), sizes.ticks(), sizes.tickEvery().toSeconds(), push.changes(),
                push.unseen(), push.windowSeconds())));
        figures.addAll(staleness("polling " + interval, polling, null, 0, String.format("POLL_INTERVAL=%s, %d rounds "
                        + "spread over one interval; %d renames/renumbers, %d never seen", interval, sizes.ticks(),
                polling.changes(), polling.unseen())));

        double companies = sizes.accounts();
        double sweepMedium = polling.sweep().medium();
        double sweepLight = polling.sweep().light();
        double sweepsWithPush = Duration.ofHours(1).toSeconds() / (double) SWEEP_WITH_PUSH.toSeconds();
        double fiveMinuteSweeps = Duration.ofHours(1).toSeconds() / (double) FIVE_MINUTE_SWEEP.toSeconds();
        double perHour = 3600 / push.windowSeconds() / companies;
        double pushMedium = push.window().medium() * perHour + sweepsWithPush * sweepMedium;
        double pushLight = push.window().light() * perHour + sweepsWithPush * sweepLight;
        double pollMedium = fiveMinuteSweeps * sweepMedium;
        double pollLight = fiveMinuteSweeps * sweepLight;
        double changesPerHour = push.changes() * perHour;
        String note = String.format("per %,d-extension company, extrapolated: push = the %.0f s window's requests x "
                        + "3,600/%.0f (at ~%,.0f renames/renumbers an hour, other changes besides) + one full sweep an "
                        + "hour; 5-minute sweep = 12 full sweeps (one sweep: %.0f Medium, %.0f Light, the fewest of one company during the first sweeps)", sizes.extensions(),
                push.windowSeconds(), push.windowSeconds(), changesPerHour, sweepMedium, sweepLight);
        figures.add(Figure.info(SECTION, "Medium requests/h, push", pushMedium, "count", List.of(pushMedium), note)
                .relativeTo("Medium requests/h, 5-minute sweep", pollMedium)
                .against(">= 10 x fewer than a 5-minute sweep", pushMedium * 10 <= pollMedium));
        figures.add(Figure.info(SECTION, "Medium requests/h, 5-minute sweep", pollMedium, "count",
                List.of(pollMedium), null));
        figures.add(Figure.info(SECTION, "Light requests/h, push", pushLight, "count", List.of(pushLight),
                "one GET of each changed extension, subscription checks and renewals"));
        figures.add(Figure.info(SECTION, "Light requests/h, 5-minute sweep", pollLight, "count", List.of(pollLight),
                null));
        long throttled = push.startup().throttled() + push.window().throttled() + polling.startup().throttled()
                + polling.window().throttled();
        figures.add(Figure.info(SECTION, "responses 429 (push section)", throttled, "count",
                List.of((double) throttled), "both modes, first sweeps included").against("0", throttled == 0));
        return figures;
    }

    private static List<Figure> staleness(String mode, PushMode.Measured measured, String target, double targetMs,
                                          String note) {
        double[] samples = measured.staleness();
        double p50 = Stats.percentile(samples, 50);
        double p99 = Stats.percentile(samples, 99);
        Figure p99Figure = Figure.info(SECTION, "change -> rc.extensions.v1 p99, " + mode, p99, "ms", List.of(p99), null);
        if (target != null) {
            p99Figure = p99Figure.against(target, measured.unseen() == 0 && p99 <= targetMs);
        }
        return List.of(Figure.info(SECTION, "change -> rc.extensions.v1 p50, " + mode, p50, "ms", List.of(p50), note),
                p99Figure);
    }
}
