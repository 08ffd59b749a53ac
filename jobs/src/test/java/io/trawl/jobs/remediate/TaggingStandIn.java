package io.trawl.jobs.remediate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for S3's GetObjectTagging and PutObjectTagging (path-style {@code
 * /bucket/key?tagging}). It exists because S3Proxy 2.6, the project's local S3, answers tagging
 * requests with NotImplemented; it speaks just enough of S3's XML for the SDK v2 client, and
 * answers NoSuchKey for objects it was not given.
 */
final class TaggingStandIn implements AutoCloseable {
  private static final Pattern TAG =
      Pattern.compile("<Tag><Key>(.*?)</Key><Value>(.*?)</Value></Tag>", Pattern.DOTALL);

  private final HttpServer server;
  private final Map<String, Map<String, String>> objects = new ConcurrentHashMap<>();

  TaggingStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds an object with these tags. */
  void put(String bucket, String key, Map<String, String> tags) {
    objects.put(bucket + "/" + key, new LinkedHashMap<>(tags));
  }

  /** The object's tags, or null if there is no such object. */
  Map<String, String> tags(String bucket, String key) {
    return objects.get(bucket + "/" + key);
  }

  private void handle(HttpExchange x) throws IOException {
    String path =
        URLDecoder.decode(x.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
    String query = x.getRequestURI().getRawQuery();
    if (query == null || !query.startsWith("tagging")) {
      respond(x, 501, error("NotImplemented", "only object tagging"));
      return;
    }
    Map<String, String> tags = objects.get(path);
    if (tags == null) {
      respond(x, 404, error("NoSuchKey", "The specified key does not exist."));
      return;
    }
    if (x.getRequestMethod().equals("GET")) {
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
      tags.forEach(
          (k, v) ->
              xml.append("<Tag><Key>")
                  .append(k)
                  .append("</Key><Value>")
                  .append(v)
                  .append("</Value></Tag>"));
      respond(x, 200, xml.append("</TagSet></Tagging>").toString());
    } else if (x.getRequestMethod().equals("PUT")) {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> replaced = new LinkedHashMap<>();
      Matcher m = TAG.matcher(body);
      while (m.find()) {
        replaced.put(m.group(1), m.group(2));
      }
      objects.put(path, replaced);
      respond(x, 200, "");
    } else {
      respond(x, 405, error("MethodNotAllowed", x.getRequestMethod()));
    }
  }

  private static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error>";
  }

  private static void respond(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/xml");
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
