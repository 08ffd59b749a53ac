package io.trawl.jobs.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Macie's EventBridge events: the standard AWS event envelope with the complete finding in {@code
 * detail} (macie.md 13.1), as Macie publishes to the default event bus.
 */
public final class EventBridgeEvents {
  /** The {@code detail-type} of every Macie finding event. */
  public static final String DETAIL_TYPE = "Macie Finding";

  /** The {@code source} of every Macie finding event. */
  public static final String SOURCE = "aws.macie";

  private EventBridgeEvents() {}

  /**
   * The event for a finding. The event id is derived from the finding id and its update time, so
   * exporting the same finding twice gives the same event (consumers can deduplicate on it).
   */
  public static ObjectNode event(FindingDocuments.Document doc) {
    ObjectNode finding = doc.finding();
    String findingId = doc.field("id");
    String time = doc.field("updatedAt") != null ? doc.field("updatedAt") : doc.field("createdAt");
    ObjectNode event = FindingDocuments.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put(
        "id",
        UUID.nameUUIDFromBytes((findingId + "@" + time).getBytes(StandardCharsets.UTF_8))
            .toString());
    event.put("detail-type", DETAIL_TYPE);
    event.put("source", SOURCE);
    event.put("account", doc.field("accountId"));
    event.put("time", time);
    event.put("region", doc.field("region"));
    // Macie's own finding events carry an empty resources list; the resources are in detail.
    event.putArray("resources");
    event.set("detail", finding);
    return event;
  }
}
