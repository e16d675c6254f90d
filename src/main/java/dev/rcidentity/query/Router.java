package dev.rcidentity.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes {@code METHOD /path/{param}} templates to handlers. A route is either covered by the server's
 * {@code API_TOKEN} check (under {@code /v1} and {@code /internal}) or, added with {@link #addAuthorizedByRoute},
 * checks its own credential instead (the connection management routes and their {@code ADMIN_TOKEN}).
 */
public final class Router {
    /**
     * A matched route: its template (the metrics tag) and handler, with the path parameters, whether it checks its own
     * credential, and its own body limit (null: the server's).
     */
    public record Match(String template, Handler handler, Map<String, String> pathParams, boolean authorizedByRoute,
                        Integer maxBodyBytes) {
    }

    /**
     * A template cut at its parameters: {@code literals} are the texts around them (one more than {@code names}, the
     * first being the prefix every matching path starts with). A path is compared with the literals as text and each
     * parameter takes the segment up to the next '/': no regular expression, no Matcher per route and request (both
     * instances route a forwarded read).
     */
    private record Route(String method, String template, List<String> literals, List<String> names, Handler handler,
                         boolean authorizedByRoute, Integer maxBodyBytes) {
        /** The path parameters when {@code path} matches, else null. */
        Map<String, String> paramsOf(String path) {
            String prefix = literals.get(0);
            if (!path.startsWith(prefix)) {
                return null;
            }
            if (names.isEmpty()) {
                return path.length() == prefix.length() ? Map.of() : null;
            }
            String[] values = new String[names.size()];
            int position = prefix.length();
            for (int i = 0; i < values.length; i++) {
                int end = path.indexOf('/', position);
                end = end < 0 ? path.length() : end;
                String after = literals.get(i + 1);
                if (end == position || !path.startsWith(after, end)) {
                    return null;
                }
                values[i] = path.substring(position, end);
                position = end + after.length();
            }
            if (position != path.length()) {
                return null;
            }
            if (values.length == 1) {
                return Map.of(names.get(0), values[0]);
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                params.put(names.get(i), values[i]);
            }
            return params;
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        return add(method, template, handler, false, null);
    }

    /** A route whose handler authorizes the request itself: the server's API_TOKEN check does not apply to it. */
    public Router addAuthorizedByRoute(String method, String template, Handler handler) {
        return add(method, template, handler, true, null);
    }

    /** A route whose request bodies may be larger than the server's limit (batches). */
    public Router add(String method, String template, Integer maxBodyBytes, Handler handler) {
        return add(method, template, handler, false, maxBodyBytes);
    }

    private Router add(String method, String template, Handler handler, boolean authorizedByRoute,
                       Integer maxBodyBytes) {
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            String before = template.substring(last, m.start());
            if (!before.endsWith("/") || !names.isEmpty() && !before.startsWith("/")) {
                throw new IllegalArgumentException("a parameter must be a whole path segment: " + template);
            }
            literals.add(before);
            names.add(m.group(1));
            last = m.end();
        }
        String rest = template.substring(last);
        if (!names.isEmpty() && !rest.isEmpty() && !rest.startsWith("/")) {
            throw new IllegalArgumentException("a parameter must be a whole path segment: " + template);
        }
        literals.add(rest);
        routes.add(new Route(method, template, List.copyOf(literals), List.copyOf(names), handler, authorizedByRoute,
                maxBodyBytes));
        return this;
    }

    /** Every route as {@code METHOD template}, in the order they were added (what the API documents must name). */
    public List<String> routes() {
        return routes.stream().map(route -> route.method() + " " + route.template()).toList();
    }

    /** The route for the request; 404 when no path matches, 405 when the path matches another method. */
    public Match match(String method, String path) {
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> params = route.paramsOf(path);
            if (params != null) {
                pathMatched = true;
                if (route.method().equals(method)) {
                    return new Match(route.template(), route.handler(), params, route.authorizedByRoute(),
                            route.maxBodyBytes());
                }
            }
        }
        if (pathMatched) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed on " + path);
        }
        throw ApiError.notFound("no such endpoint: " + path);
    }
}
