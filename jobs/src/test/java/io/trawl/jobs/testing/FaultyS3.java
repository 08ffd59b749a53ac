package io.trawl.jobs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP proxy on loopback between the S3A connector and {@link LocalS3}: S3A's
 * endpoint for one bucket points here, and each request is forwarded byte for byte (so SigV4
 * signatures stay valid) unless a rule says to break it. Faults are what S3 and networks do: 503
 * SlowDown, connection resets, responses slower than the client's socket timeout, and bodies cut
 * short of their Content-Length.
 *
 * <p>Each client connection carries one request: the proxy answers with {@code Connection: close},
 * which HTTP clients honour, so faults never leak into the next request on a pooled connection.
 * This is a test fake because real S3 cannot be made to fail on demand here.
 */
public final class FaultyS3 implements AutoCloseable {
  /** What to do to a request. */
  public enum Fault {
    /** HTTP 503 with S3's {@code SlowDown} error document (throttling). */
    SLOW_DOWN,
    /** TCP reset before any response byte. */
    RESET,
    /** Forward the response only after {@link #slowMillis}, beyond the client's socket timeout. */
    SLOW,
    /** Forward the headers and half the body, then close. */
    TRUNCATE
  }

  private record Rule(String marker, Fault fault, int times) {}

  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger heads = new AtomicInteger();
  private final ExecutorService workers;
  private final long slowMillis;
  private volatile boolean closed;

  /**
   * Starts a proxy in front of {@code s3}.
   *
   * @param slowMillis how long a {@link Fault#SLOW} response waits before it is forwarded
   */
  public FaultyS3(LocalS3 s3, long slowMillis) throws IOException {
    this.upstreamPort = Integer.parseInt(s3.endpoint().replaceFirst(".*:", ""));
    this.slowMillis = slowMillis;
    for (Fault f : Fault.values()) {
      injected.put(f, new AtomicInteger());
    }
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "faulty-s3");
              t.setDaemon(true);
              return t;
            });
    workers.execute(this::acceptLoop);
  }

  /** The proxy's endpoint, for {@code fs.s3a.endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * The first {@code times} GET requests for each path that contains {@code marker} get {@code
   * fault} (each path counts its own attempts; use {@link Integer#MAX_VALUE} for "always").
   */
  public void fail(String marker, Fault fault, int times) {
    rules.add(new Rule(marker, fault, times));
  }

  /** How many times {@code fault} was injected so far. */
  public int injected(Fault fault) {
    return injected.get(fault).get();
  }

  /** HEAD requests received (object metadata probes). */
  public int heads() {
    return heads.get();
  }

  /** Requests received, faulty or not. */
  public int requests() {
    return requests.get();
  }

  /**
   * Per-bucket S3A settings ({@code fs.s3a.bucket.<bucket>.*}) that send {@code bucket} through
   * this proxy, with {@code extra} options (unprefixed, e.g. {@code retry.limit}) for the bucket.
   */
  public Map<String, String> bucketSettings(String bucket, Map<String, String> extra) {
    Map<String, String> out = new ConcurrentHashMap<>();
    out.put("fs.s3a.bucket." + bucket + ".endpoint", endpoint());
    extra.forEach((k, v) -> out.put("fs.s3a.bucket." + bucket + "." + k, v));
    return out;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      requests.incrementAndGet();
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      String requestLine = headText.substring(0, headText.indexOf("\r\n"));
      String[] parts = requestLine.split(" ");
      String method = parts[0];
      String path = parts.length > 1 ? parts[1] : "";
      byte[] body = in.readNBytes((int) contentLength(headText));
      Fault fault = method.equals("GET") ? faultFor(path) : null;
      if (fault != null) {
        injected.get(fault).incrementAndGet();
      }
      if (method.equals("HEAD")) {
        heads.incrementAndGet();
      }
      if (fault == Fault.RESET) {
        client.setSoLinger(true, 0);
        return;
      }
      if (fault == Fault.SLOW_DOWN) {
        slowDown(client.getOutputStream());
        return;
      }
      if (fault == Fault.SLOW) {
        Thread.sleep(slowMillis);
      }
      byte[] response = forward(headText, body);
      OutputStream out = client.getOutputStream();
      if (fault == Fault.TRUNCATE) {
        int bodyStart = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
        int bodyLength = response.length - bodyStart;
        out.write(response, 0, bodyStart + bodyLength / 2);
        out.flush();
        client.setSoLinger(true, 0);
        return;
      }
      out.write(response);
      out.flush();
    } catch (SocketException e) {
      // The client gave up (e.g. its socket timeout fired during a SLOW fault): nothing to do.
    } catch (IOException e) {
      // Same: a broken client connection ends this exchange only.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Fault faultFor(String path) {
    for (Rule r : rules) {
      if (path.contains(r.marker())) {
        int n = attempts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        return n <= r.times() ? r.fault() : null;
      }
    }
    return null;
  }

  private static void slowDown(OutputStream out) throws IOException {
    byte[] doc =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message>"
                + "<RequestId>FAULTY0000000001</RequestId><HostId>faulty-s3</HostId></Error>")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
            + doc.length
            + "\r\nx-amz-request-id: FAULTY0000000001\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(doc);
    out.flush();
  }

  /** Sends the request upstream on a fresh connection and returns the whole response. */
  private byte[] forward(String headText, byte[] body) throws IOException {
    List<String> lines = new ArrayList<>(List.of(headText.split("\r\n")));
    lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith("connection:"));
    lines.add("Connection: close");
    String head = String.join("\r\n", lines) + "\r\n\r\n";
    try (Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      OutputStream out = up.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return up.getInputStream().readAllBytes();
    }
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().equalsIgnoreCase("content-length")
          && !line.substring(colon + 1).trim().isEmpty()) {
        return Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    workers.shutdownNow();
  }
}
