package io.trawl.jobs.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;

/**
 * An S3-compatible server on loopback for the test JVM: S3Proxy with jclouds' in-memory
 * ("transient") store. Tests reach it through the real S3A connector; they seed objects directly in
 * the blob store. One per JVM, stopped at exit.
 */
public final class LocalS3 {
  public static final String ACCESS_KEY = "trawl-test-access";
  public static final String SECRET_KEY = "trawl-test-secret-key";

  private static LocalS3 instance;

  private final S3Proxy proxy;
  private final BlobStore store;

  private LocalS3() throws Exception {
    BlobStoreContext ctx =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class);
    store = ctx.getBlobStore();
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(20);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-local-s3"));
  }

  public static synchronized LocalS3 get() {
    if (instance == null) {
      try {
        instance = new LocalS3();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start S3Proxy", e);
      }
    }
    return instance;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The S3A settings that point a Hadoop configuration at this server (fail fast, no retries). */
  public Map<String, String> s3aSettings() {
    return Map.ofEntries(
        Map.entry("fs.s3a.endpoint", endpoint()),
        Map.entry("fs.s3a.endpoint.region", "us-east-1"),
        Map.entry("fs.s3a.path.style.access", "true"),
        Map.entry("fs.s3a.connection.ssl.enabled", "false"),
        Map.entry("fs.s3a.access.key", ACCESS_KEY),
        Map.entry("fs.s3a.secret.key", SECRET_KEY),
        Map.entry(
            "fs.s3a.aws.credentials.provider",
            "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"),
        Map.entry("fs.s3a.attempts.maximum", "1"),
        Map.entry("fs.s3a.retry.limit", "1"),
        Map.entry("fs.s3a.change.detection.version.required", "false"));
  }

  /** Points the session (and so Delta and Trawl's executors) at this server. */
  public void configure(SparkSession spark) {
    s3aSettings().forEach((k, v) -> spark.conf().set(k, v));
  }

  public void createBucket(String bucket) {
    store.createContainerInLocation(null, bucket);
  }

  public void put(String bucket, String key, byte[] content) {
    Blob blob = store.blobBuilder(key).payload(content).contentLength(content.length).build();
    store.putBlob(bucket, blob);
  }

  public void put(String bucket, String key, String content) {
    put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  public void delete(String bucket, String key) {
    store.removeBlob(bucket, key);
  }

  private void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Shutting down anyway.
    }
  }
}
