package dev.ordino.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 by hand, for what a ready-made client will not do: send from another loopback
 * address (127.0.0.2, ...), declare a body larger than it sends, or stream a chunked body until
 * the server answers.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body, long bytesSent) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private RawHttp() {
    }

    /** A request with a whole body (may be empty), from {@code from}. */
    static Answer send(String from, int port, String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = open(from, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + body.length));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), body.length);
        }
    }

    /** Declares {@code declared} bytes of body, sends none, and waits for the answer. */
    static Answer declare(int port, String method, String path, Map<String, String> headers, long declared) throws IOException {
        try (Socket socket = open("127.0.0.1", port)) {
            socket.getOutputStream().write(head(method, path, headers, "Content-Length: " + declared));
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), 0);
        }
    }

    /** Streams up to {@code total} bytes of {@code filler} in 64 KiB chunks while reading the answer. */
    static Answer chunked(int port, String method, String path, Map<String, String> headers, long total, byte filler) throws Exception {
        try (Socket socket = open("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Transfer-Encoding: chunked"));
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, filler);
                try {
                    while (sent.get() < total) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed: expected once it refused the body
                }
            });
            Answer answer = read(socket.getInputStream(), 0);
            writer.join(10_000);
            return new Answer(answer.status(), answer.headers(), answer.body(), sent.get());
        }
    }

    private static Socket open(String from, int port) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static byte[] head(String method, String path, Map<String, String> headers, String length) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(length).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads one answer: up to its Content-Length or last chunk (the server may keep waiting for
     * the body it refused, so the end of the stream cannot be awaited), else to the end.
     */
    private static Answer read(InputStream in, long sent) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !complete(all.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
            // reset after the answer arrived: the server closed on a body it would not read
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        Map<String, String> headers = headers(text.substring(0, end < 0 ? text.length() : end));
        String body = end < 0 ? "" : text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(text.substring(0, text.indexOf("\r\n")).split(" ")[1]), headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), sent);
    }

    private static Map<String, String> headers(String head) {
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(text.substring(0, end));
        String body = text.substring(end + 4);
        if (headers.containsKey("content-length")) {
            return body.length() >= Long.parseLong(headers.get("content-length"));
        }
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) && (body.startsWith("0\r\n") || body.contains("\r\n0\r\n"));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int line = body.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, line).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, line + 2, Math.min(body.length(), line + 2 + size));
            at = line + 2 + size + 2;
        }
        return out.toString();
    }
}
