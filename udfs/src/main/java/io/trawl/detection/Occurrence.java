package io.trawl.detection;

/**
 * One occurrence of sensitive data. Never holds the raw value: {@code maskedSample} keeps only a
 * few characters (e.g. {@code ****-****-****-1111}) and {@code valueHash} is a keyed hash
 * (HMAC-SHA256, hex) that lets analysts group equal values without revealing them.
 *
 * @param location where it is
 * @param embeddedFilePath path inside an archive or email ({@code a.zip/dir/b.csv}), or null
 * @param maskedSample masked text of the match
 * @param valueHash keyed hash of the normalised match
 * @param keyword the keyword, column name or path element that supported it, or null
 * @param validator the check that passed (e.g. {@code LUHN}), or null
 */
public record Occurrence(
    Location location,
    String embeddedFilePath,
    String maskedSample,
    String valueHash,
    String keyword,
    String validator) {}
