package io.trawl.detection;

import java.io.Serializable;

/**
 * Macie's {@code SeverityLevel}: from {@code occurrencesThreshold} occurrences on, {@code
 * severity}.
 */
public record SeverityLevel(long occurrencesThreshold, Severity severity) implements Serializable {}
