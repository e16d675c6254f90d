package dev.rcidentity.query;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ListedExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@code status} and {@code type} filters of an extension listing (each repeatable). Without a status filter, the
 * listing holds every extension that is not deleted; {@code status=Deleted} lists the deleted ones.
 */
record ExtensionFilter(List<String> statuses, List<String> types) {

    static ExtensionFilter from(ApiRequest request) {
        return new ExtensionFilter(request.params("status"), request.params("type"));
    }

    boolean matches(ListedExtension listed) {
        return matches(StateStores.listedStatus(listed), String.valueOf(listed.type()));
    }

    boolean matches(String listedStatus, String type) {
        boolean statusOk = statuses.isEmpty() ? !StateStores.DELETED_STATUS.equals(listedStatus) : statuses.contains(listedStatus);
        return statusOk && (types.isEmpty() || types.contains(type));
    }

    /** How many of a partition's counts (keyed {@code status/type}) match. */
    long count(Map<String, Long> counts) {
        long n = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            String key = entry.getKey();
            int slash = key.indexOf('/');
            if (matches(key.substring(0, slash), key.substring(slash + 1))) {
                n += entry.getValue();
            }
        }
        return n;
    }

    String query() {
        StringBuilder query = new StringBuilder();
        statuses.forEach(s -> query.append("&status=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
        types.forEach(t -> query.append("&type=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
