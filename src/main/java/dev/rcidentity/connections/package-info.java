/**
 * Connections as data: the encrypted credentials of {@code rc.connections.v1} ({@link
 * dev.rcidentity.connections.CredentialCipher}, {@link dev.rcidentity.connections.CredentialKeys}), the Kafka-backed
 * view of that topic ({@link dev.rcidentity.connections.ConnectionStore}), the import of configured connections
 * ({@link dev.rcidentity.connections.ConnectionImport}), the pollers' status of each connection ({@link
 * dev.rcidentity.connections.ConnectionStatuses}), and the pieces of RingCentral's 3-legged OAuth onboarding:
 * one-time connect links, signed single-use states and PKCE. Uses {@code model} and {@code kafka}; knows no HTTP
 * server, no poller and no topology.
 */
package dev.rcidentity.connections;
