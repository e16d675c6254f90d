package dev.rcidentity.poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection's fixed-rate schedule runs on each tick: one sweep, unless push says the full sweep is not due
 * yet. A stopped connection's schedule ends; a crash is logged and the schedule kept.
 */
final class ScheduledSweep implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ScheduledSweep.class);

    private final RunningConnection connection;
    private final Sweeps sweeps;
    private final SweepSchedule schedule;
    private final PollerPush push;

    ScheduledSweep(RunningConnection connection, Sweeps sweeps, SweepSchedule schedule, PollerPush push) {
        this.connection = connection;
        this.sweeps = sweeps;
        this.schedule = schedule;
        this.push = push;
    }

    @Override
    public void run() {
        if (!push.sweepDue(connection.key())) {
            return;
        }
        try {
            if (sweeps.sweep(connection).status() == SweepOutcome.Status.STOPPED) {
                schedule.cancel(connection.key(), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A task that throws is never run again: log and keep the schedule.
            log.error("Connection '{}': sweep crashed", connection.name(), e);
        }
    }
}
