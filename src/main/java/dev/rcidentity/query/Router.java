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
    /** A matched route: its template (the metrics tag) and handler, with the path parameters. */
    public record Match(String template, Handler handler, Map<String, String> pathParams, boolean authorizedByRoute) {
    }

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler,
                         boolean authorizedByRoute) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        return add(method, template, handler, false);
    }

    /** A route whose handler authorizes the request itself: the server's API_TOKEN check does not apply to it. */
    public Router addAuthorizedByRoute(String method, String template, Handler handler) {
        return add(method, template, handler, true);
    }

    private Router add(String method, String template, Handler handler, boolean authorizedByRoute) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler, authorizedByRoute));
        return this;
    }

    /** The route for the request; 404 when no path matches, 405 when the path matches another method. */
    public Match match(String method, String path) {
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                pathMatched = true;
                if (route.method().equals(method)) {
                    Map<String, String> params = new HashMap<>();
                    for (int i = 0; i < route.names().size(); i++) {
                        params.put(route.names().get(i), m.group(i + 1));
                    }
                    return new Match(route.template(), route.handler(), params, route.authorizedByRoute());
                }
            }
        }
        if (pathMatched) {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed on " + path);
        }
        throw ApiError.notFound("no such endpoint: " + path);
    }
}
