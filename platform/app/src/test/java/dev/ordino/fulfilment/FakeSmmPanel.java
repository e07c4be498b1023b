package dev.ordino.fulfilment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real SMM panel API v2 server on 127.0.0.1 for tests: a service list, orders whose status
 * the test sets, and switches for the failures a real panel shows (5xx, error bodies, hanging,
 * down). Counts every call by action.
 */
public final class FakeSmmPanel implements AutoCloseable {

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY every answer larger than
        // its 8 KB buffer waits for the client's delayed ACK (about 40 ms), which real panels never do.
        // Read once, when the first server of the JVM starts; this fake is the only one in these tests.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    enum AddMode { ACCEPT, FAIL_500, ERROR_BODY, HANG }

    public static final String KEY = "panel-key-123";

    private HttpServer server;
    private final int port;
    final List<Map<String, Object>> services = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> statuses = new ConcurrentHashMap<>();
    final Map<String, String> statusErrors = new ConcurrentHashMap<>();
    public final List<Map<String, String>> adds = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    /** When each status call arrived (nanoTime), to tell sync rounds apart. */
    final List<Long> statusCalls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger nextOrder = new AtomicInteger(1000);
    volatile AddMode addMode = AddMode.ACCEPT;
    volatile String errorBody = "Not enough funds on balance";
    /** When set, the panel turns every cancellation down with this error. */
    volatile String cancelError;
    volatile String balance = "100.84";
    /** Accepted orders take between these many milliseconds to answer (0: at once), like a busy panel. */
    volatile int slowAddFromMillis;
    volatile int slowAddToMillis;

    public FakeSmmPanel() throws IOException {
        start(0);
        this.port = server.getAddress().getPort();
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        server.createContext("/api/v2", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/api/v2";
    }

    /** Closes the port: connections are refused. */
    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        start(port);
    }

    /** Requests received for {@code action}, counted as they arrive. */
    public int count(String action) {
        AtomicInteger count = counts.get(action);
        return count == null ? 0 : count.get();
    }

    public void addServices(int count, String category) {
        for (int i = 0; i < count; i++) {
            service(String.valueOf(services.size() + 1), category + " service " + i, category, "0." + (10 + i % 80), 100, 100_000,
                    i % 3 == 0, i % 4 == 0);
        }
    }

    public void service(String id, String name, String category, String rate, long min, long max, boolean refill, boolean cancel) {
        service(id, name, category, rate, min, max, refill, cancel, "Default", false);
    }

    /** A service of a given type ("Custom Comments", "Mentions", ...), spread over runs when {@code dripfeed}. */
    void service(String id, String name, String category, String rate, long min, long max, boolean refill, boolean cancel,
                 String type, boolean dripfeed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service", id.matches("\\d+") && Integer.parseInt(id) % 2 == 0 ? Integer.parseInt(id) : id); // numbers or strings, as panels do
        s.put("name", name);
        s.put("type", type);
        s.put("category", category);
        s.put("rate", rate);
        s.put("min", String.valueOf(min));
        s.put("max", max);
        s.put("refill", refill);
        s.put("cancel", cancel);
        s.put("dripfeed", dripfeed);
        services.add(s);
    }

    void setRate(String id, String rate) {
        synchronized (services) {
            services.stream().filter(s -> String.valueOf(s.get("service")).equals(id)).forEach(s -> s.put("rate", rate));
        }
    }

    void remove(String id) {
        services.removeIf(s -> String.valueOf(s.get("service")).equals(id));
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        counts.computeIfAbsent(form.getOrDefault("action", ""), a -> new AtomicInteger()).incrementAndGet();
        if ("status".equals(form.get("action"))) {
            statusCalls.add(System.nanoTime());
        }
        if (!KEY.equals(form.get("key"))) {
            send(exchange, 200, "{\"error\":\"Invalid API key\"}");
            return;
        }
        String action = form.getOrDefault("action", "");
        switch (action) {
            case "services" -> send(exchange, 200, json(services));
            case "add" -> add(exchange, form);
            case "status" -> status(exchange, form);
            case "balance" -> send(exchange, 200, "{\"balance\":\"" + balance + "\",\"currency\":\"USD\"}");
            case "refill" -> send(exchange, 200, "{\"refill\":\"" + (5000 + count("refill")) + "\"}");
            case "refill_status" -> send(exchange, 200, "{\"status\":\"Completed\"}");
            case "cancel" -> send(exchange, 200, cancelError != null ? "{\"error\":\"" + cancelError + "\"}" : "[" + Arrays.stream(form.get("orders").split(","))
                    .map(o -> "{\"order\":" + o + ",\"cancel\":1}").collect(Collectors.joining(",")) + "]");
            default -> send(exchange, 200, "{\"error\":\"Incorrect request\"}");
        }
    }

    private void add(HttpExchange exchange, Map<String, String> form) throws IOException {
        switch (addMode) {
            case FAIL_500 -> send(exchange, 500, "Internal Server Error");
            case ERROR_BODY -> send(exchange, 200, "{\"error\":\"" + errorBody + "\"}");
            case HANG -> {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                adds.add(form);
                send(exchange, 200, "{\"order\":" + nextOrder.incrementAndGet() + "}");
            }
            case ACCEPT -> {
                if (slowAddToMillis > 0) {
                    sleep(ThreadLocalRandom.current().nextInt(slowAddFromMillis, slowAddToMillis + 1));
                }
                adds.add(form);
                int id = nextOrder.incrementAndGet();
                statuses.put(String.valueOf(id), "{\"charge\":\"0.27819\",\"start_count\":\"3572\",\"status\":\"Pending\",\"remains\":\""
                        + form.get("quantity") + "\",\"currency\":\"USD\"}");
                send(exchange, 200, "{\"order\":" + id + "}");
            }
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The panel's id of the last order it accepted. */
    public String lastOrder() {
        return String.valueOf(nextOrder.get());
    }

    /** Sets what multi-status answers for an order. */
    public void status(String order, String status, long startCount, long remains) {
        statuses.put(order, "{\"charge\":\"0.5\",\"start_count\":\"" + startCount + "\",\"status\":\"" + status + "\",\"remains\":\""
                + remains + "\",\"currency\":\"USD\"}");
    }

    private void status(HttpExchange exchange, Map<String, String> form) throws IOException {
        String orders = form.getOrDefault("orders", form.get("order"));
        String body = Arrays.stream(orders.split(","))
                .map(o -> "\"" + o + "\":" + (statusErrors.containsKey(o) ? "{\"error\":\"" + statusErrors.get(o) + "\"}"
                        : statuses.getOrDefault(o, "{\"error\":\"Incorrect order ID\"}")))
                .collect(Collectors.joining(",", "{", "}"));
        send(exchange, 200, body);
    }

    private static String json(List<Map<String, Object>> list) {
        synchronized (list) {
            return list.stream().map(m -> m.entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                            .collect(Collectors.joining(",", "{", "}")))
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
