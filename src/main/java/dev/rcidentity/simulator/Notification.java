package dev.rcidentity.simulator;

import java.util.List;

/** One notification for one subscription: its envelope as sent, and what it is about (for the delivery log). */
record Notification(String uuid, String subscriptionId, List<String> extensionIds, byte[] json) {
    Notification {
        extensionIds = List.copyOf(extensionIds);
    }
}
