package dev.ordino.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP load generator run as its own process (JDK classes only), so the load it makes is not
 * paid for by the JVM it measures. Each line of the requests file is one request:
 * {@code GET <url> <header>: <value>} or {@code POST <url> <form body>}; clients take lines in turn.
 * A call counts as ok when the answer is 200 or 201 and holds no {@code "error"}. Prints one line:
 * {@code ok=<n> failed=<n> seconds=<s> p50=<ms> p99=<ms>}.
 * <p>
 * {@code java -cp target/test-classes dev.ordino.bench.LoadClient <requests file> <clients> <seconds>}
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int clients = Integer.parseInt(args[1]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[2]));
        List<HttpRequest> requests = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(parts[1])).timeout(Duration.ofSeconds(30));
            if (parts[0].equals("GET")) {
                String[] header = parts[2].split(": ", 2);
                builder.header(header[0], header[1]).GET();
            } else {
                builder.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(parts[2]));
            }
            requests.add(builder.build());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[1 << 16];
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        boolean good = (answer.statusCode() == 200 || answer.statusCode() == 201) && !answer.body().contains("\"error\"");
                        (good ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    if (counts[client] == latencies[client].length) {
                        latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                    }
                    latencies[client][counts[client]++] = System.nanoTime() - sent;
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("ok=%d failed=%d seconds=%.2f p50=%.2f p99=%.2f%n", ok.get(), failed.get(), seconds,
                percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
