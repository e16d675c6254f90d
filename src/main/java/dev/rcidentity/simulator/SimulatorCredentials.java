package dev.rcidentity.simulator;

/** The client id and secret of the one application the simulator knows. */
public record SimulatorCredentials(String clientId, String clientSecret) {
    @Override
    public String toString() {
        return "SimulatorCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
