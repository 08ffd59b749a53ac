package io.trawl.jobs.classify;

import java.io.Serializable;
import java.util.Map;

/**
 * An object in the estate as the classification job sees it (a row of the {@code objects} table).
 *
 * @param lastModified epoch milliseconds, or null when unknown
 * @param estateUri the estate root recorded at inventory time (see {@link ObjectLocator})
 * @param tags object tags, or null when unknown (listings and inventories do not carry them)
 */
public record ObjectRef(
    String accountId,
    String bucket,
    String key,
    long size,
    Long lastModified,
    String etag,
    String storageClass,
    String extension,
    String versionId,
    String estateUri,
    Map<String, String> tags)
    implements Serializable {}
