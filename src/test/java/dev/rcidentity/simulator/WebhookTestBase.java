package dev.rcidentity.simulator;

import dev.rcidentity.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;

/** A simulator, a webhook receiver and the first account admin's access token, for the webhook tests. */
abstract class WebhookTestBase {
    protected TestSimulator sim;
    protected MutableClock clock;
    protected RingCentralSimulator simulator;
    protected SimClient client;
    protected WebhookReceiver receiver;
    protected String accountId;
    protected String token;

    @BeforeEach
    void start() throws IOException {
        sim = new TestSimulator(30);
        clock = sim.clock;
        simulator = sim.simulator;
        client = sim.client;
        accountId = sim.accountId;
        receiver = new WebhookReceiver();
        token = client.adminToken(accountId);
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
    }

    static String request(String address, String verificationToken, Long expiresIn) {
        return "{\"eventFilters\":[\"/restapi/v1.0/account/~/extension\"],"
                + "\"deliveryMode\":{\"transportType\":\"WebHook\",\"address\":\"" + address + "\""
                + (verificationToken == null ? "" : ",\"verificationToken\":\"" + verificationToken + "\"") + "}"
                + (expiresIn == null ? "" : ",\"expiresIn\":" + expiresIn) + "}";
    }
}
