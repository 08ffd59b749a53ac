package io.trawl.jobs.inventory;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.trawl.TrawlErrors;
import io.trawl.jobs.classify.ObjectLocator;
import io.trawl.jobs.inventory.InventoryJob.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads an S3 Inventory report into {@code objects} rows without any LIST call: the manifest on the
 * driver, the CSV/ORC/Parquet data files on executors. Only current versions that are not delete
 * markers are kept. CSV keys are URL-encoded (S3 encodes '+' as %2B, so form decoding is exact).
 */
final class S3InventoryReader {
  private S3InventoryReader() {}

  static Dataset<Row> read(
      SparkSession spark,
      String manifestUri,
      String objectScheme,
      Snapshot snap,
      StructType schema) {
    Configuration conf = spark.sessionState().newHadoopConf();
    Path manifestPath = new Path(manifestUri);
    S3InventoryManifest manifest;
    try {
      FileSystem fs = manifestPath.getFileSystem(conf);
      try (InputStream in = fs.open(manifestPath)) {
        manifest =
            S3InventoryManifest.parse(
                manifestUri, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      List<String> files = new ArrayList<>();
      for (String key : manifest.fileKeys()) {
        files.add(resolve(fs, manifestPath, manifest.destinationBucket(), key).toString());
      }
      return toObjects(
          spark, manifest, files, objectScheme(manifestPath, objectScheme), snap, schema);
    } catch (IOException e) {
      throw TrawlErrors.unreadableEstate(manifestUri, e);
    }
  }

  private static String objectScheme(Path manifest, String requested) {
    if (requested != null) {
      return requested;
    }
    String s = manifest.toUri().getScheme();
    return ObjectLocator.isObjectStore(s) ? s : "s3a";
  }

  /**
   * A data file's path: in the destination bucket for object stores; for a report copied to a
   * folder, found by walking up from the manifest until {@code <dir>/<key>} exists.
   */
  private static Path resolve(FileSystem fs, Path manifest, String destBucket, String key)
      throws IOException {
    URI uri = manifest.toUri();
    if (ObjectLocator.isObjectStore(uri.getScheme())) {
      return new Path(uri.getScheme() + "://" + destBucket + "/" + key);
    }
    for (Path dir = manifest.getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = new Path(dir, key);
      if (fs.exists(candidate)) {
        return candidate;
      }
    }
    throw new java.io.FileNotFoundException(
        "inventory data file " + key + " not found above " + manifest.getParent());
  }

  private static Dataset<Row> toObjects(
      SparkSession spark,
      S3InventoryManifest m,
      List<String> files,
      String scheme,
      Snapshot snap,
      StructType schema) {
    String[] paths = files.toArray(new String[0]);
    Dataset<Row> raw;
    Map<String, String> names = new HashMap<>();
    if (m.fileFormat().equals("CSV")) {
      StructType csv = new StructType();
      for (String c : m.columns()) {
        csv = csv.add(c, DataTypes.StringType);
      }
      raw = spark.read().schema(csv).option("header", "false").csv(paths);
    } else if (m.fileFormat().equals("ORC")) {
      raw = spark.read().orc(paths);
    } else {
      raw = spark.read().parquet(paths);
    }
    for (StructField f : raw.schema().fields()) {
      names.put(S3InventoryManifest.canonical(f.name()), f.name());
    }
    if (!names.containsKey("bucket") || !names.containsKey("key")) {
      throw TrawlErrors.invalidJson(
          String.join(",", files), "inventory files have no Bucket and Key columns", null);
    }
    boolean csvFormat = m.fileFormat().equals("CSV");
    UDF1<String, String> decode =
        k -> k == null ? null : URLDecoder.decode(k, StandardCharsets.UTF_8);
    spark.udf().register("trawl_url_decode", decode, DataTypes.StringType);

    Dataset<Row> d = raw;
    if (names.containsKey("isdeletemarker")) {
      d =
          d.where(
              col(names.get("isdeletemarker"))
                  .cast("boolean")
                  .equalTo(false)
                  .or(col(names.get("isdeletemarker")).isNull()));
    }
    if (names.containsKey("islatest")) {
      d =
          d.where(
              col(names.get("islatest"))
                  .cast("boolean")
                  .equalTo(true)
                  .or(col(names.get("islatest")).isNull()));
    }
    Column key =
        csvFormat
            ? org.apache.spark.sql.functions.callUDF("trawl_url_decode", col(names.get("key")))
            : col(names.get("key"));
    Column lastModified =
        names.containsKey("lastmodifieddate")
            ? col(names.get("lastmodifieddate")).cast("timestamp")
            : lit(null).cast("timestamp");
    d =
        d.select(
            lit(snap.accountId()).as("account_id"),
            col(names.get("bucket")).as("bucket"),
            key.as("key"),
            opt(names, "size", "bigint").as("size"),
            lastModified.as("last_modified"),
            // translate: deleting one character needs no regular expression.
            org.apache
                .spark
                .sql
                .functions
                .translate(opt(names, "etag", "string"), "\"", "")
                .as("etag"),
            opt(names, "storageclass", "string").as("storage_class"),
            opt(names, "encryptionstatus", "string").as("encryption_status"),
            opt(names, "versionid", "string").as("version_id"));
    d =
        d.withColumn("extension", extension(col("key")))
            .withColumn("source", lit("s3-inventory"))
            .withColumn(
                "estate_uri",
                org.apache.spark.sql.functions.concat(
                    lit(scheme.toLowerCase(Locale.ROOT) + "://"), col("bucket")))
            .withColumn("snapshot_id", lit(snap.id()))
            .withColumn("snapshot_time", lit(snap.time()))
            .withColumn("snapshot_date", lit(snap.date()));
    List<Column> ordered = new ArrayList<>();
    for (StructField f : schema.fields()) {
      ordered.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return d.select(ordered.toArray(new Column[0]));
  }

  /**
   * Macie's extension rule (after the last dot of the file name, at least one character before it,
   * lower case; "" if none), as {@code InventoryJob.extension} applies it to listings, in Catalyst
   * string functions so the inventory's hot path stays in generated code without a Java UDF call
   * per row. InventoryExtensionTest keeps the two rules equal on the edge cases.
   */
  static Column extension(Column key) {
    Column name = org.apache.spark.sql.functions.substring_index(key, "/", -1);
    Column ext = org.apache.spark.sql.functions.substring_index(name, ".", -1);
    Column hasExtension =
        org.apache
            .spark
            .sql
            .functions
            .instr(name, ".")
            .gt(0)
            .and(org.apache.spark.sql.functions.length(ext).gt(0))
            .and(
                org.apache
                    .spark
                    .sql
                    .functions
                    .length(name)
                    .gt(org.apache.spark.sql.functions.length(ext).plus(1)));
    return org.apache
        .spark
        .sql
        .functions
        .when(hasExtension, org.apache.spark.sql.functions.lower(ext))
        .otherwise(lit(""));
  }

  private static Column opt(Map<String, String> names, String canonical, String type) {
    return names.containsKey(canonical)
        ? col(names.get(canonical)).cast(type)
        : lit(null).cast(type);
  }
}
