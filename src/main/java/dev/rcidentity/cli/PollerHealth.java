package dev.rcidentity.cli;

import dev.rcidentity.poller.Poller;
import dev.rcidentity.query.HealthCheck;

import java.util.List;

/** Ready while it holds no connection, or at least one that still has credentials RingCentral accepts. */
final class PollerHealth implements HealthCheck {
    private final Poller poller;

    PollerHealth(Poller poller) {
        this.poller = poller;
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
        List<String> stopped = poller.connectionNames().stream().filter(poller::isStopped).toList();
        boolean up = poller.connectionNames().isEmpty() || stopped.size() < poller.connectionNames().size();
        return new Status(up, stopped.isEmpty() ? "all connections sweeping" : "stopped (credentials rejected): " + stopped);
    }
}
