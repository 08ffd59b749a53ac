package io.trawl.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.catalog.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The S3 Inventory reader's SQL extension rule agrees with the listing's Java rule. */
class InventoryExtensionTest {
  @Test
  void inventoryAndListingDeriveTheSameExtension() {
    List<String> keys =
        List.of(
            "a/b/report.CSV",
            "a.b/noext",
            "archive.tar.gz",
            ".bashrc",
            "dir/.env",
            "ends-with-dot.",
            "dir/",
            "plain",
            "x.y/z.JSON",
            "..");
    List<Row> rows =
        SharedSpark.session()
            .createDataset(keys, Encoders.STRING())
            .toDF("key")
            .select(
                org.apache.spark.sql.functions.col("key"),
                S3InventoryReader.extension(org.apache.spark.sql.functions.col("key")))
            .collectAsList();
    assertThat(rows).hasSize(keys.size());
    for (Row r : rows) {
      assertThat(r.getString(1))
          .as(r.getString(0))
          .isEqualTo(InventoryJob.extension(r.getString(0)));
    }
  }
}
