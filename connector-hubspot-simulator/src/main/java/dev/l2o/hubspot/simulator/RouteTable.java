package dev.l2o.hubspot.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The portal's endpoints: method, path pattern, the private-app scope each needs (403 {@code MISSING_SCOPES}
 * without it) and the responder that answers. A request no route takes is a 405 when it would write and a
 * 404 otherwise. Immutable once built; thread-safe.
 */
final class RouteTable {
    /**
     * One request as a responder sees it.
     *
     * @param path the path as matched, with the groups of the route's pattern
     * @param url the parsed URL, for query parameters
     * @param body the request body, or null
     */
    record Request(Matcher path, HttpUrl url, String body) {
        /** A query parameter, or null. */
        String parameter(String name) {
            return url == null ? null : url.queryParameter(name);
        }

        /** An integer query parameter; {@code fallback} when absent, -1 (out of every range) when not a number. */
        int intParameter(String name, int fallback) {
            String value = parameter(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** A comma-separated query parameter's non-blank items. */
        List<String> listParameter(String name) {
            return commaSeparated(parameter(name));
        }

        static List<String> commaSeparated(String value) {
            if (value == null || value.isBlank()) {
                return List.of();
            }
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    private record Route(String method, Pattern path, String scope, Function<Request, PortalReply> responder) {}

    private final PortalReplies replies;
    private final Set<String> grantedScopes;
    private final List<Route> routes = new ArrayList<>();

    /** @param grantedScopes the token's scopes; null grants every scope */
    RouteTable(PortalReplies replies, Set<String> grantedScopes) {
        this.replies = replies;
        this.grantedScopes = grantedScopes;
    }

    /** Adds {@code GET pathPattern}, which needs {@code scope} (null: any token may call it). */
    RouteTable get(String pathPattern, String scope, Function<Request, PortalReply> responder) {
        routes.add(new Route("GET", Pattern.compile(pathPattern), scope, responder));
        return this;
    }

    /** Adds {@code POST pathPattern}, which needs {@code scope}. */
    RouteTable post(String pathPattern, String scope, Function<Request, PortalReply> responder) {
        routes.add(new Route("POST", Pattern.compile(pathPattern), scope, responder));
        return this;
    }

    /** Every scope some route needs, in route order without repeats. */
    List<String> scopes() {
        return routes.stream().map(Route::scope).filter(Objects::nonNull).distinct().toList();
    }

    /** The answer of the first route that takes {@code method} and {@code path}. */
    PortalReply answer(String method, String path, HttpUrl url, String body) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!route.method().equals(method) || !matcher.matches()) {
                continue;
            }
            if (grantedScopes != null && route.scope() != null && !grantedScopes.contains(route.scope())) {
                return replies.missingScope(route.scope());
            }
            return route.responder().apply(new Request(matcher, url, body));
        }
        if (!method.equals("GET")) {
            return replies.error(405, "METHOD_NOT_ALLOWED", "The simulated portal is read-only: " + method + " " + path + " is not served");
        }
        return replies.error(404, "OBJECT_NOT_FOUND", "resource not found: " + path);
    }
}
