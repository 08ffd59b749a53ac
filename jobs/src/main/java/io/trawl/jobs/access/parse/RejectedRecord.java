package io.trawl.jobs.access.parse;

import java.io.Serializable;

/**
 * A log line or CloudTrail record that could not be parsed, kept aside with its reason.
 *
 * @param source {@link AccessEvent#SERVER_ACCESS_LOG} or {@link AccessEvent#CLOUDTRAIL}
 * @param sourceFile URI of the file
 * @param sourcePosition 1-based line or record index; 0 when the whole file is unreadable
 * @param reason why, in words
 * @param excerpt a truncated, redacted excerpt ({@link Redaction#excerpt})
 */
public record RejectedRecord(
    String source, String sourceFile, long sourcePosition, String reason, String excerpt)
    implements Serializable {}
