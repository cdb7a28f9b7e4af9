package sensorhub.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends hostile requests to the server under test and waits at most {@link #LIMIT} for each answer: over
 * {@link HttpClient} (HTTP/1.1, no upgrade), or over a plain socket for bytes that client refuses to send.
 */
final class Wire {

    static final Duration LIMIT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(LIMIT).build();

    private final String host;
    private final int port;
    private final String contextPath;

    Wire(URL base) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.contextPath = base.getPath().replaceAll("/+$", "");
    }

    /**
     * Where {@code target} is on the server: the application's paths below the deployment's context path,
     * {@code /health} and {@code /openapi} at the server's root, as {@link sensorhub.testing.Api} has them.
     */
    String path(String target) {
        boolean serverRoot = target.startsWith("/health") || target.startsWith("/openapi");
        return serverRoot ? target : contextPath + target;
    }

    /** The answer to {@code request}; fails the test if none came within the limit. */
    Reply send(Hostile request) {
        Reply reply = request.raw() ? socket(request) : client(request);
        if (!reply.outcome().equals("answered")) {
            fail(request.name() + ": no answer within " + LIMIT.toMillis() + " ms (" + reply.outcome() + ")");
        }
        return reply;
    }

    private Reply client(Hostile request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
                + path(request.target()))).timeout(LIMIT);
        if (request.key() != null) {
            builder.header("X-API-KEY", request.key());
        }
        request.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        builder.method(request.method(), request.body() == null ? BodyPublishers.noBody()
                : BodyPublishers.ofByteArray(request.body()));
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = HTTP.sendAsync(builder.build(), BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = future.get(LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Reply(response.statusCode(), headers, response.body(), millisSince(start), "answered");
        } catch (TimeoutException e) {
            future.cancel(true);
            return Reply.none("timeout", millisSince(start));
        } catch (ExecutionException e) {
            return Reply.none(e.getCause() instanceof HttpTimeoutException ? "timeout" : "closed: " + e.getCause(),
                    millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply socket(Hostile request) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, request.method() + " " + path(request.target()) + " HTTP/1.1\r\n");
        write(head, "Host: " + authority() + "\r\n");
        if (request.key() != null) {
            write(head, "X-API-KEY: " + request.key() + "\r\n");
        }
        request.headers().forEach(h -> write(head, h.getKey() + ": " + h.getValue() + "\r\n"));
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (request.body() != null || request.writes()) {
            write(head, "Content-Length: " + body.length + "\r\n");
        }
        write(head, "Connection: close\r\n\r\n");
        head.writeBytes(body);
        return exchange(head.toByteArray());
    }

    /** Writes {@code bytes} as they are and reads the answer, or notes that the server closed or stayed silent. */
    Reply exchange(byte[] bytes) {
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        String ending = "closed";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) LIMIT.toMillis());
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                ending = "closed while sending";
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (!complete(received.toByteArray())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    ending = "timeout";
                    break;
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    ending = "timeout";
                    break;
                } catch (IOException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            ending = "not connected: " + e;
        }
        byte[] answer = received.toByteArray();
        return parse(answer, millisSince(start), ending);
    }

    private static Reply parse(byte[] answer, long millis, String ending) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return Reply.none(ending, millis);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ");
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body, millis, "answered");
    }

    /** Whether {@code bytes} hold a whole answer, so that a server keeping the connection open costs no wait. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int bodyLength = bytes.length - end - 4;
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            return bodyLength >= Long.parseLong(length.group(1));
        }
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.endsWith("\r\n\r\n0\r\n\r\n");
        }
        return head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0 || lineEnd + 2 + n > body.length) {
                break;
            }
            out.write(body, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    String authority() {
        return host + ":" + port;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
