package io.trawl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A STAND-IN for the AWS Glue API, not Glue: a loopback HTTP server speaking Glue's JSON 1.1
 * protocol ({@code POST /}, {@code X-Amz-Target: AWSGlue.<Operation>}) for the five operations
 * {@link GlueTableRegistrar} calls. It keeps databases and tables in memory, records every request,
 * and answers missing or duplicate entities with Glue's {@code EntityNotFoundException} / {@code
 * AlreadyExistsException} errors. Real Glue cannot run here (no AWS access in tests); it checks the
 * request shapes, not Glue's server-side validation.
 */
final class GlueStandIn implements AutoCloseable {
  /** One recorded call. */
  record Call(String operation, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, ObjectNode> databases = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> failures = new ConcurrentHashMap<>();

  GlueStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** Makes every later call of {@code operation} fail with Glue error {@code type}. */
  void fail(String operation, String type, String message) {
    failures.put(operation, error(type, message));
  }

  synchronized void clearCalls() {
    calls.clear();
  }

  ObjectNode storedTable(String database, String name) {
    return tables.get(database + "." + name);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (!"POST".equals(exchange.getRequestMethod())
          || target == null
          || !target.startsWith("AWSGlue.")) {
        respond(exchange, 400, error("UnknownOperationException", "not a Glue JSON 1.1 call"));
        return;
      }
      String operation = target.substring("AWSGlue.".length());
      synchronized (this) {
        calls.add(new Call(operation, body));
      }
      if (failures.containsKey(operation)) {
        respond(exchange, 400, failures.get(operation));
        return;
      }
      switch (operation) {
        case "GetDatabase" -> {
          ObjectNode db = databases.get(body.path("Name").asText());
          if (db == null) {
            respond(exchange, 400, notFound("Database " + body.path("Name").asText()));
          } else {
            respond(exchange, 200, JSON.createObjectNode().set("Database", db));
          }
        }
        case "CreateDatabase" -> {
          JsonNode input = body.path("DatabaseInput");
          String name = input.path("Name").asText();
          if (databases.putIfAbsent(name, input.deepCopy()) != null) {
            respond(exchange, 400, error("AlreadyExistsException", "Database already exists."));
          } else {
            respond(exchange, 200, JSON.createObjectNode());
          }
        }
        case "GetTable" -> {
          ObjectNode table =
              tables.get(body.path("DatabaseName").asText() + "." + body.path("Name").asText());
          if (table == null) {
            respond(exchange, 400, notFound("Table " + body.path("Name").asText()));
          } else {
            respond(exchange, 200, JSON.createObjectNode().set("Table", table));
          }
        }
        case "CreateTable", "UpdateTable" -> {
          String database = body.path("DatabaseName").asText();
          if (!databases.containsKey(database)) {
            respond(exchange, 400, notFound("Database " + database));
            return;
          }
          ObjectNode table = ((ObjectNode) body.path("TableInput")).deepCopy();
          table.put("DatabaseName", database);
          String key = database + "." + table.path("Name").asText();
          boolean exists = tables.containsKey(key);
          if (operation.equals("CreateTable") && exists) {
            respond(exchange, 400, error("AlreadyExistsException", "Table already exists."));
          } else if (operation.equals("UpdateTable") && !exists) {
            respond(exchange, 400, notFound("Table " + table.path("Name").asText()));
          } else {
            tables.put(key, table);
            respond(exchange, 200, JSON.createObjectNode());
          }
        }
        default ->
            respond(exchange, 400, error("InvalidInputException", "unsupported " + operation));
      }
    }
  }

  private static ObjectNode notFound(String what) {
    return error("EntityNotFoundException", what + " not found.");
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("__type", type);
    node.put("Message", message);
    return node;
  }

  private static void respond(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    if (body.has("__type")) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", body.get("__type").asText());
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
