package dev.rcidentity.cli;

import dev.rcidentity.poller.Poller;
import dev.rcidentity.query.HealthCheck;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Ready once its assignment is loaded (it knows which connections it holds), while it holds no connection or at least
 * one that still has credentials RingCentral accepts.
 */
final class PollerHealth implements HealthCheck {
    private final Poller poller;
    private final BooleanSupplier assignmentLoaded;

    PollerHealth(Poller poller, BooleanSupplier assignmentLoaded) {
        this.poller = poller;
        this.assignmentLoaded = assignmentLoaded;
    }

    @Override
    public String name() {
        return "poller";
    }

    @Override
    public Status live() {
        return new Status(true, poller.connectionNames().size() + " connection(s)");
    }

    @Override
    public Status ready() {
        if (!assignmentLoaded.getAsBoolean()) {
            return new Status(false, "waiting for the poller group's assignment");
        }
        List<String> stopped = poller.connectionNames().stream().filter(poller::isStopped).toList();
        boolean up = poller.connectionNames().isEmpty() || stopped.size() < poller.connectionNames().size();
        return new Status(up, stopped.isEmpty() ? "all connections sweeping" : "stopped (credentials rejected): " + stopped);
    }
}
