/**
 * Connections managed at run time: {@code /v1/connections*} for admins ({@code ADMIN_TOKEN}), and RingCentral's
 * 3-legged OAuth onboarding for customers' admins ({@code /oauth/authorize}, {@code /oauth/callback}). Checks every
 * credential with one token exchange ({@link dev.rcidentity.onboarding.TokenClient}) before writing it, encrypted,
 * to {@code rc.connections.v1} through the connections package. Uses {@code connections}, {@code model},
 * {@code kafka} and the HTTP types of {@code query}; {@code query} knows nothing of it (cli hands its routes in).
 */
package dev.rcidentity.onboarding;
