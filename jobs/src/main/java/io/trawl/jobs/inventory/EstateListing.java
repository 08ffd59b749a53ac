package io.trawl.jobs.inventory;

import io.trawl.jobs.classify.ObjectLocator;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists part of an estate through the Hadoop FileSystem. A {@link Shard} is a folder listed either
 * on its own level (files only, sub-folders returned as new shards) or recursively (one flat LIST
 * stream on S3A). Runs inside executor tasks, so the driver never holds the estate's listing.
 */
public final class EstateListing {
  private EstateListing() {}

  /**
   * A part of the estate to list.
   *
   * @param estateUri the estate root recorded on every object (see {@link ObjectLocator})
   * @param bucket the bucket the folder belongs to
   * @param path the folder to list
   * @param recursive list everything below it in one stream, or only its own level
   */
  public record Shard(String estateUri, String bucket, String path, boolean recursive)
      implements Serializable {}

  /** A listed object: bucket-relative key and what the listing knows about it. */
  public record Listed(
      String estateUri, String bucket, String key, long size, long lastModified, String etag)
      implements Serializable {}

  /**
   * Lists one shard: each file goes to {@code objects}; for a non-recursive shard each sub-folder
   * becomes a recursive shard in {@code subShards}.
   */
  public static void list(
      Shard shard, Configuration conf, Consumer<Listed> objects, Consumer<Shard> subShards)
      throws IOException {
    Path root = new Path(shard.path());
    FileSystem fs = root.getFileSystem(conf);
    String bucketRoot = bucketRoot(shard).toUri().getPath();
    if (shard.recursive()) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        emit(shard, bucketRoot, it.next(), objects);
      }
      return;
    }
    RemoteIterator<FileStatus> it = fs.listStatusIterator(root);
    while (it.hasNext()) {
      FileStatus st = it.next();
      if (st.isDirectory()) {
        subShards.accept(
            new Shard(shard.estateUri(), shard.bucket(), st.getPath().toString(), true));
      } else {
        emit(shard, bucketRoot, st, objects);
      }
    }
  }

  private static void emit(Shard shard, String bucketRoot, FileStatus st, Consumer<Listed> out) {
    if (!st.isFile()) {
      return;
    }
    String path = st.getPath().toUri().getPath();
    String key = path.startsWith(bucketRoot) ? path.substring(bucketRoot.length()) : path;
    while (key.startsWith("/")) {
      key = key.substring(1);
    }
    if (key.isEmpty() || isChecksumSidecar(key)) {
      return;
    }
    String etag = st instanceof EtagSource es ? es.getEtag() : null;
    out.accept(
        new Listed(
            shard.estateUri(), shard.bucket(), key, st.getLen(), st.getModificationTime(), etag));
  }

  /** Hadoop's local filesystem writes .crc sidecars; they are not the user's objects. */
  private static boolean isChecksumSidecar(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.startsWith(".") && name.endsWith(".crc");
  }

  private static Path bucketRoot(Shard shard) {
    return ObjectLocator.path(shard.estateUri(), shard.bucket(), "");
  }

  /** The starting shards of an estate: one per bucket, listed level by level. */
  public static List<Shard> roots(String estateUri, Configuration conf) throws IOException {
    Path root = new Path(estateUri);
    if (root.toUri().getPath().isEmpty()) {
      root = new Path(estateUri + "/"); // s3a://bucket means the bucket's root
    }
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(root)) {
      throw new java.io.FileNotFoundException(estateUri + " does not exist");
    }
    List<Shard> shards = new ArrayList<>();
    String scheme = root.toUri().getScheme();
    if (ObjectLocator.isObjectStore(scheme)) {
      String bucket = root.toUri().getAuthority();
      String base = scheme.toLowerCase(Locale.ROOT) + "://" + bucket;
      shards.add(new Shard(base, bucket, root.toString(), false));
      return shards;
    }
    // A folder estate: each top-level folder is a bucket (there are few, unlike objects).
    FileStatus rootStatus = fs.getFileStatus(root);
    if (!rootStatus.isDirectory()) {
      throw new java.io.IOException(estateUri + " is not a folder");
    }
    String estate = fs.makeQualified(root).toString();
    Iterator<FileStatus> it = List.of(fs.listStatus(root)).iterator();
    while (it.hasNext()) {
      FileStatus st = it.next();
      if (st.isDirectory() && !st.getPath().getName().startsWith(".")) {
        shards.add(new Shard(estate, st.getPath().getName(), st.getPath().toString(), false));
      }
    }
    return shards;
  }
}
