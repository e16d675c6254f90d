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
     * {@code prefix}: the template's text before its first parameter (all of it when it has none). A path is tried
     * against the pattern only when it starts with the prefix, and a template without parameters is compared as text:
     * every request used to build a Matcher per route until one matched (both instances do it for a forwarded read).
     */
    private record Route(String method, String template, String prefix, Pattern pattern, List<String> names,
                         Handler handler, boolean authorizedByRoute, Integer maxBodyBytes) {
        /** The path parameters when {@code path} matches, else null. */
        Map<String, String> paramsOf(String path) {
            if (!path.startsWith(prefix)) {
                return null;
            }
            if (names.isEmpty()) {
                return path.length() == prefix.length() ? Map.of() : null;
            }
            Matcher m = pattern.matcher(path);
            if (!m.matches()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                params.put(names.get(i), m.group(i + 1));
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
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        int firstParam = -1;
        while (m.find()) {
            firstParam = firstParam < 0 ? m.start() : firstParam;
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        String prefix = firstParam < 0 ? template : template.substring(0, firstParam);
        routes.add(new Route(method, template, prefix, Pattern.compile(regex.toString()), names, handler,
                authorizedByRoute, maxBodyBytes));
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
