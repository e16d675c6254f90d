package dev.rcidentity.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code GET /restapi/v1.0/account/{accountId}/extension}: filters, paging and navigation links. */
final class ExtensionListEndpoint {
    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 1000;
    /** Filter parameters echoed into navigation links, in this order. */
    private static final List<String> FILTERS = List.of("status", "type", "extensionNumber", "email");

    private final Directory directory;
    private final Faults faults;
    private final WireFormat wire;

    ExtensionListEndpoint(Directory directory, Faults faults, WireFormat wire) {
        this.directory = directory;
        this.faults = faults;
        this.wire = wire;
    }

    void handle(HttpCall call, SimulatedAccount account, Map<String, List<String>> query) {
        int page;
        int perPage;
        try {
            page = intParam(query, "page", 1);
            perPage = intParam(query, "perPage", DEFAULT_PER_PAGE);
        } catch (BadParameter e) {
            call.json(400, WireFormat.error("CMN-101", "Parameter [" + e.getMessage() + "] value is invalid",
                    e.getMessage()));
            return;
        }
        if (page < 1) {
            call.json(400, WireFormat.error("CMN-101", "Parameter [page] value is invalid", "page"));
            return;
        }
        perPage = Math.max(1, Math.min(MAX_PER_PAGE, perPage));
        List<String> statuses = query.getOrDefault("status", List.of());
        for (String status : statuses) {
            if (!SimulatedExtension.ExtensionStatus.ALL.contains(status)) {
                call.json(400, WireFormat.error("CMN-101", "Parameter [status] value is invalid", "status"));
                return;
            }
        }
        List<String> types = query.getOrDefault("type", List.of());
        String number = single(query, "extensionNumber");
        String email = single(query, "email");

        List<SimulatedExtension> matching = directory.extensions(account.accountId()).stream()
                .filter(e -> statuses.isEmpty() || statuses.contains(e.status()))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .filter(e -> number == null || number.equals(e.extensionNumber()))
                .filter(e -> email == null || email.equalsIgnoreCase(e.email()))
                .toList();

        int total = matching.size();
        int totalPages = (total + perPage - 1) / perPage;
        long start = (long) (page - 1) * perPage;
        List<SimulatedExtension> slice = start >= total ? List.of()
                : matching.subList((int) start, (int) Math.min(total, start + perPage));

        ObjectNode body = WireFormat.MAPPER.createObjectNode();
        body.put("uri", link(account, query, page, perPage));
        ArrayNode records = body.putArray("records");
        for (SimulatedExtension e : slice) {
            records.add(wire.extension(e, account.companyName(), false));
        }
        ObjectNode paging = body.putObject("paging");
        paging.put("page", page);
        paging.put("totalPages", totalPages);
        paging.put("perPage", perPage);
        paging.put("totalElements", total);
        if (!slice.isEmpty()) {
            paging.put("pageStart", start);
            paging.put("pageEnd", start + slice.size() - 1);
        }
        ObjectNode navigation = body.putObject("navigation");
        int lastPage = Math.max(1, totalPages);
        navigation.putObject("firstPage").put("uri", link(account, query, 1, perPage));
        if (page < totalPages || (faults.endlessPaging() && page < Integer.MAX_VALUE)) {
            navigation.putObject("nextPage").put("uri", link(account, query, page + 1, perPage));
        }
        if (page > 1) {
            navigation.putObject("previousPage").put("uri", link(account, query, Math.min(page - 1, lastPage), perPage));
        }
        navigation.putObject("lastPage").put("uri", link(account, query, lastPage, perPage));

        if (faults.takeMalformedPage(page)) {
            call.raw(200, truncated(body));
        } else {
            call.json(200, body);
        }
    }

    /** An absolute link to another page of the same listing, on the simulator's base URL. */
    private String link(SimulatedAccount account, Map<String, List<String>> query, int page, int perPage) {
        StringBuilder uri = new StringBuilder(wire.accountUri(account.accountId())).append("/extension?");
        for (String filter : FILTERS) {
            for (String value : query.getOrDefault(filter, List.of())) {
                uri.append(filter).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return uri.append("page=").append(page).append("&perPage=").append(perPage).toString();
    }

    private static byte[] truncated(ObjectNode body) {
        try {
            byte[] full = WireFormat.MAPPER.writeValueAsBytes(body);
            return java.util.Arrays.copyOf(full, Math.max(1, full.length / 2));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intParam(Map<String, List<String>> query, String name, int defaultValue) {
        String value = single(query, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter(name);
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameter(String parameter) {
            super(parameter, null, false, false);
        }
    }
}
