package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;

/** A started simulator on a hand-moved clock with generous rate limits, its client, and the first account. */
final class TestSimulator implements AutoCloseable {
    final MutableClock clock = MutableClock.atDefaultStart();
    final RingCentralSimulator simulator;
    final SimClient client;
    final String accountId;

    TestSimulator(int extensionsPerAccount) {
        simulator = RingCentralSimulator.start(SimulatorOptions.builder()
                .accounts(2).extensionsPerAccount(extensionsPerAccount).clock(clock)
                .limit(RateLimitGroup.AUTH, 1000).limit(RateLimitGroup.LIGHT, 1000).limit(RateLimitGroup.MEDIUM, 1000)
                .build());
        client = new SimClient(simulator);
        accountId = simulator.accounts().get(0).accountId();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
