package dev.ordino.payment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A payment gateway's API as a real HTTP server on 127.0.0.1: each "METHOD /path" answered by
 * a function of the request (so answers can change as a test goes on); every request kept.
 */
final class FakeGatewayApi implements AutoCloseable {

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeGatewayApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Answer answer = routes.entrySet().stream()
                    .filter(e -> (request.method() + " " + request.path()).matches(e.getKey()))
                    .findFirst().map(e -> e.getValue().apply(request))
                    .orElse(new Answer(404, "{\"error\":{\"message\":\"not found\"},\"status_code\":\"404\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Answers requests whose "METHOD /path" matches the regular expression. */
    FakeGatewayApi on(String methodAndPathRegex, Function<Request, Answer> answer) {
        routes.put(methodAndPathRegex, answer);
        return this;
    }

    long count(String methodAndPathRegex) {
        return requests.stream().filter(r -> (r.method() + " " + r.path()).matches(methodAndPathRegex)).count();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
