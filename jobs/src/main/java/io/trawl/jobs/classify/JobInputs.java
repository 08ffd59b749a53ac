package io.trawl.jobs.classify;

import io.trawl.TrawlErrors;
import io.trawl.detection.AllowList;
import io.trawl.detection.CustomDataIdentifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the Macie JSON a job refers to (job, custom data identifiers, allow lists) from local files
 * or any Hadoop URI (s3://, s3a://), and resolves the IDs a job names.
 */
public final class JobInputs {
  private JobInputs() {}

  /** The text of a file given as a local path or a Hadoop URI. */
  public static String readText(String location, Configuration conf) {
    try {
      Path p = new Path(location);
      FileSystem fs = p.getFileSystem(conf);
      try (InputStream in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw TrawlErrors.invalidArgument("cannot read %s: %s", location, e.getMessage());
    }
  }

  /** JSON files at these locations: a file, or every *.json directly in a folder (sorted). */
  static List<String> jsonFiles(List<String> locations, Configuration conf) {
    List<String> files = new ArrayList<>();
    for (String location : locations) {
      try {
        Path p = new Path(location);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus st = fs.getFileStatus(p);
        if (st.isDirectory()) {
          Arrays.stream(fs.listStatus(p))
              .filter(f -> f.isFile() && f.getPath().getName().endsWith(".json"))
              .sorted(Comparator.comparing(f -> f.getPath().getName()))
              .forEach(f -> files.add(f.getPath().toString()));
        } else {
          files.add(location);
        }
      } catch (IOException | IllegalArgumentException e) {
        throw TrawlErrors.invalidArgument("cannot read %s: %s", location, e.getMessage());
      }
    }
    return files;
  }

  /** Custom data identifiers by ID from Macie JSON files. */
  public static Map<String, CustomDataIdentifier> customDataIdentifiers(
      List<String> locations, Configuration conf) {
    Map<String, CustomDataIdentifier> byId = new LinkedHashMap<>();
    for (String file : jsonFiles(locations, conf)) {
      for (CustomDataIdentifier c : CustomDataIdentifier.fromJson(file, readText(file, conf))) {
        byId.put(c.id(), c);
      }
    }
    return byId;
  }

  /**
   * Allow lists by ID from Macie JSON files. An {@code s3WordsList} is read from {@code
   * <wordsScheme>://<bucketName>/<objectKey>}, or from {@code <wordsRoot>/<bucketName>/<objectKey>}
   * when a root folder is given (local estates).
   */
  public static Map<String, AllowList> allowLists(
      List<String> locations, Configuration conf, String wordsRoot) {
    AllowList.WordsReader reader =
        (bucket, key) -> {
          String uri =
              wordsRoot != null
                  ? wordsRoot + "/" + bucket + "/" + key
                  : "s3a://" + bucket + "/" + key;
          return readText(uri, conf).lines().toList();
        };
    Map<String, AllowList> byId = new LinkedHashMap<>();
    for (String file : jsonFiles(locations, conf)) {
      for (AllowList a : AllowList.fromJson(file, readText(file, conf), reader)) {
        byId.put(a.id(), a);
      }
    }
    return byId;
  }

  /** The entries of {@code available} a job names, in order; an unknown ID is an error. */
  public static <T> List<T> pick(
      List<String> ids, Map<String, T> available, String kind, String option) {
    List<T> out = new ArrayList<>();
    for (String id : ids) {
      T t = available.get(id);
      if (t == null) {
        throw TrawlErrors.unknownIdentifier(
            kind,
            id,
            available.isEmpty()
                ? "give its Macie JSON with " + option
                : "known: " + String.join(", ", available.keySet()));
      }
      out.add(t);
    }
    return out;
  }
}
