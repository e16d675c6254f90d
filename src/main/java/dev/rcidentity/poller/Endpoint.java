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
    EXTENSION_LIST("/restapi/v1.0/account/~/extension", ApiGroup.MEDIUM),
    /** One extension by id: what a push notification names is fetched with this. */
    EXTENSION("/restapi/v1.0/account/~/extension/", ApiGroup.LIGHT),
    SUBSCRIPTION_CREATE("/restapi/v1.0/subscription", ApiGroup.MEDIUM),
    SUBSCRIPTION_LIST("/restapi/v1.0/subscription", ApiGroup.LIGHT),
    SUBSCRIPTION_GET("/restapi/v1.0/subscription/", ApiGroup.LIGHT),
    SUBSCRIPTION_RENEW("/restapi/v1.0/subscription/", ApiGroup.LIGHT),
    SUBSCRIPTION_DELETE("/restapi/v1.0/subscription/", ApiGroup.MEDIUM);

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
