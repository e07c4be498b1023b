package dev.ordino.plugin.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that answers canned JSON per "METHOD path" and records what it got. */
public final class FakeApi implements AutoCloseable {

    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Canned(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Canned canned = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Canned(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such resource\"}}"));
            byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(canned.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public FakeApi answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Canned(status, body));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received.size());
        }
        return received.getFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
