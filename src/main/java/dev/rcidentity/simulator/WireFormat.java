package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RingCentral's JSON shapes, written from the simulator's model. Ids are JSON numbers where RingCentral uses int64
 * (extension and account {@code id}) and strings where it uses strings ({@code owner_id}, {@code account.id} of an
 * extension, {@code site.id}).
 */
final class WireFormat {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;

    WireFormat(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String accountUri(String accountId) {
        return baseUrl + "/restapi/v1.0/account/" + accountId;
    }

    String extensionUri(String accountId, String extensionId) {
        return accountUri(accountId) + "/extension/" + extensionId;
    }

    /** A record of the extension list (no account), or with {@code detail} the single-extension resource. */
    ObjectNode extension(SimulatedExtension e, String companyName, boolean detail) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", e.numericId());
        node.put("uri", extensionUri(e.accountId(), e.id()));
        if (detail) {
            ObjectNode account = node.putObject("account");
            account.put("id", e.accountId());
            account.put("uri", accountUri(e.accountId()));
        }
        if (e.extensionNumber() != null) {
            node.put("extensionNumber", e.extensionNumber());
        }
        putIfPresent(node, "name", e.name());
        node.put("type", e.type());
        putIfPresent(node, "subType", e.subType());
        node.put("status", e.status());
        ObjectNode contact = node.putObject("contact");
        putIfPresent(contact, "firstName", e.firstName());
        putIfPresent(contact, "lastName", e.lastName());
        if (!e.isUnassigned()) {
            putIfPresent(contact, "company", companyName);
        }
        putIfPresent(contact, "email", e.email());
        putIfPresent(contact, "jobTitle", e.jobTitle());
        putIfPresent(contact, "department", e.department());
        if (e.email() != null) {
            contact.put("emailAsLoginName", e.isPerson());
        }
        ObjectNode permissions = node.putObject("permissions");
        permissions.putObject("admin").put("enabled", e.admin());
        permissions.putObject("internationalCalling").put("enabled", e.internationalCalling());
        node.put("hidden", e.hidden());
        ObjectNode site = node.putObject("site");
        site.put("id", e.siteId());
        site.put("uri", accountUri(e.accountId()) + "/sites/" + e.siteId());
        site.put("name", e.siteName());
        node.put("creationTime", DateTimeFormatter.ISO_INSTANT.format(e.creationTime().truncatedTo(ChronoUnit.MILLIS)));
        return node;
    }

    ObjectNode account(SimulatedAccount a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", Long.parseLong(a.accountId()));
        node.put("uri", accountUri(a.accountId()));
        node.put("mainNumber", a.mainNumber());
        ObjectNode operator = node.putObject("operator");
        operator.put("uri", extensionUri(a.accountId(), a.accountId()));
        operator.put("id", Long.parseLong(a.accountId()));
        operator.put("extensionNumber", "101");
        ObjectNode serviceInfo = node.putObject("serviceInfo");
        serviceInfo.put("uri", accountUri(a.accountId()) + "/service-info");
        ObjectNode brand = serviceInfo.putObject("brand");
        brand.put("id", "1210");
        brand.put("name", a.brand());
        brand.put("homeCountry", "US");
        node.put("setupWizardState", "Completed");
        node.put("status", "Confirmed");
        ObjectNode regional = node.putObject("regionalSettings");
        regional.putObject("timezone").put("name", "US/Mountain");
        regional.putObject("currency").put("code", "USD");
        node.put("federated", false);
        return node;
    }

    /** {@code GET /restapi/v2/accounts/{id}}: unlike v1, the id is a string and the company name is here. */
    ObjectNode accountV2(SimulatedAccount a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", a.accountId());
        node.put("mainNumber", a.mainNumber());
        node.put("status", "Confirmed");
        node.put("billingActive", true);
        node.put("companyName", a.companyName());
        ObjectNode address = node.putObject("companyAddress");
        address.put("street", a.street());
        address.put("city", a.city());
        address.put("state", a.state());
        address.put("zip", a.zip());
        address.put("country", "US");
        ObjectNode serviceInfo = node.putObject("serviceInfo");
        serviceInfo.putObject("package").put("id", "1").put("version", "1");
        serviceInfo.putObject("brand").put("id", "1210").put("name", a.brand());
        return node;
    }

    ObjectNode businessAddress(SimulatedAccount a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("uri", accountUri(a.accountId()) + "/business-address");
        ObjectNode address = node.putObject("businessAddress");
        address.put("country", "United States");
        address.put("state", a.state());
        address.put("city", a.city());
        address.put("street", a.street());
        address.put("zip", a.zip());
        node.put("company", a.companyName());
        node.put("email", a.email());
        node.put("mainSiteName", "Main Site");
        return node;
    }

    ObjectNode token(TokenService.Issued issued, String scope) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("access_token", issued.accessToken());
        node.put("token_type", "bearer");
        node.put("expires_in", issued.expiresIn());
        node.put("refresh_token", issued.refreshToken());
        node.put("refresh_token_expires_in", issued.refreshExpiresIn());
        node.put("scope", scope);
        node.put("owner_id", issued.grant().extensionId());
        node.put("endpoint_id", issued.grant().endpointId());
        node.put("session_id", issued.grant().sessionId());
        return node;
    }

    ObjectNode userInfo(SimulatedExtension e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sub", e.id());
        node.put("account_id", e.accountId());
        putIfPresent(node, "email", e.email());
        if (e.email() != null) {
            node.put("email_verified", true);
        }
        putIfPresent(node, "given_name", e.firstName());
        putIfPresent(node, "family_name", e.lastName());
        return node;
    }

    /** RingCentral's general error body: top-level code and message, repeated in {@code errors[]}. */
    static ObjectNode error(String errorCode, String message, String parameterName) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("errorCode", errorCode);
        node.put("message", message);
        ArrayNode errors = node.putArray("errors");
        ObjectNode error = errors.addObject();
        error.put("errorCode", errorCode);
        error.put("message", message);
        if (parameterName != null) {
            error.put("parameterName", parameterName);
        }
        return node;
    }

    /** The token endpoint's errors: OAuth 2.0 fields plus RingCentral's. */
    static ObjectNode oauthError(String error, String description, String errorCode) {
        ObjectNode node = error(errorCode, description, null);
        node.put("error", error);
        node.put("error_description", description);
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
