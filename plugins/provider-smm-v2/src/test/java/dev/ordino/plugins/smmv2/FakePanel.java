package dev.ordino.plugins.smmv2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A fake SMM panel on 127.0.0.1 that records what it receives and answers as scripted. */
final class FakePanel implements AutoCloseable {

    /** What the panel does with one request. */
    sealed interface Reply {
        record Json(int status, String body) implements Reply {
        }

        /** Waits until the panel is closed, i.e. never answers within a test's timeout. */
        record Hang() implements Reply {
        }

        /** Reads the request, then drops the connection without an answer. */
        record Drop() implements Reply {
        }
    }

    static Reply json(String body) {
        return new Reply.Json(200, body);
    }

    static Reply status(int status, String body) {
        return new Reply.Json(status, body);
    }

    /** One received request: the raw body and its decoded form fields in order. */
    record Received(String body, Map<String, String> form) {
        String action() {
            return form.get("action");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> script = request -> status(404, "not scripted");

    FakePanel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-panel");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/v2", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
    }

    FakePanel answer(Function<Received, Reply> script) {
        this.script = script;
        return this;
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(body, decode(body));
        received.add(request);
        Reply reply = script.apply(request);
        switch (reply) {
            case Reply.Json json -> {
                byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(json.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            }
            case Reply.Hang hang -> {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            // the server closes the connection when a handler fails before answering
            case Reply.Drop drop -> throw new IOException("dropped on purpose");
        }
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
