package dev.rcidentity.onboarding;

/**
 * What RingCentral's token endpoint answered, reduced to what onboarding uses. The tokens are secrets: {@code toString}
 * shows who the token is for, never the tokens.
 *
 * @param refreshToken null when RingCentral issued none
 * @param ownerId      the extension the token acts for; null when the answer had no usable {@code owner_id}
 */
public record TokenAnswer(String accessToken, String refreshToken, String ownerId, String endpointId, String scope) {
    @Override
    public String toString() {
        return "TokenAnswer[ownerId=" + ownerId + ", endpointId=" + endpointId + ", scope=" + scope + ", tokens redacted]";
    }
}
