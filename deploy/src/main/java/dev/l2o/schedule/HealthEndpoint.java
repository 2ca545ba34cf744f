package dev.l2o.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The small HTTP endpoint of {@code l2o serve}: {@code GET /health} (200 when the scheduler runs and the store
 * answers, else 503) and {@code GET /metrics} (Prometheus text). Listens on loopback unless configured
 * otherwise; it serves no secret and changes nothing.
 */
final class HealthEndpoint implements AutoCloseable {
    /** What {@code /health} says: whether the process is healthy, and a JSON body explaining it. */
    record Health(boolean healthy, String json) {}

    private final HttpServer server;
    private final ExecutorService threads;

    private HealthEndpoint(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static HealthEndpoint start(HttpSettings settings, Supplier<Health> health, Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 16);
        server.createContext("/health", exchange -> {
            if (allowed(exchange)) {
                Health status;
                try {
                    status = health.get();
                } catch (RuntimeException e) {
                    status = new Health(false, "{\"status\":\"down\"}");
                }
                respond(exchange, status.healthy() ? 200 : 503, "application/json", status.json());
            }
        });
        server.createContext("/metrics", exchange -> {
            if (allowed(exchange)) {
                String body;
                try {
                    body = metrics.get();
                } catch (RuntimeException e) {
                    respond(exchange, 503, "text/plain; charset=utf-8", "metrics unavailable: the run history store does not answer\n");
                    return;
                }
                respond(exchange, 200, PrometheusMetrics.CONTENT_TYPE, body);
            }
        });
        ExecutorService threads = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "l2o-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        return new HealthEndpoint(server, threads);
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            if (exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                return true;
            }
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return false;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** The port listened on (the chosen one when configured as 0). */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
