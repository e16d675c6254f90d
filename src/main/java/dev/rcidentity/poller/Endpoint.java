package dev.rcidentity.poller;

/**
 * The RingCentral endpoints the poller calls, with the rate-limit group each is documented in, so the limiter can
 * throttle before the first response tells it anything.
 */
enum Endpoint {
    TOKEN("/restapi/oauth/token", ApiGroup.AUTH),
    REVOKE("/restapi/oauth/revoke", ApiGroup.AUTH),
    ACCOUNT_INFO("/restapi/v1.0/account/~", ApiGroup.LIGHT),
    BUSINESS_ADDRESS("/restapi/v1.0/account/~/business-address", ApiGroup.LIGHT),
    EXTENSION_LIST("/restapi/v1.0/account/~/extension", ApiGroup.MEDIUM);

    private final String path;
    private final ApiGroup documentedGroup;

    Endpoint(String path, ApiGroup documentedGroup) {
        this.path = path;
        this.documentedGroup = documentedGroup;
    }

    String path() {
        return path;
    }

    ApiGroup documentedGroup() {
        return documentedGroup;
    }
}
