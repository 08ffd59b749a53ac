package io.trawl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.detection.TestCatalog;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL functions through a real local Spark session shared by the class. */
class TrawlFunctionsTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("TrawlFunctionsTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    TrawlFunctions.register(spark, TestCatalog.engine());
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, true);
    Dataset<Row> docs =
        spark.createDataFrame(
            List.of(
                RowFactory.create(1, "Employee SSN: 123-45-6789, ssn 234-56-7890"),
                RowFactory.create(2, "nothing to see here"),
                RowFactory.create(3, "key AKIAIOSFODNN7EXAMPLE expiry 01/27"),
                RowFactory.create(4, null)),
            schema);
    docs.repartition(2).createOrReplaceTempView("docs");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  @Test
  void trawlDetectReturnsOneStructPerIdentifier() {
    List<Row> rows =
        spark
            .sql(
                "SELECT id, d.type, d.category, d.count, d.severity FROM docs"
                    + " LATERAL VIEW explode(trawl_detect(text)) t AS d ORDER BY id, d.type")
            .collectAsList();
    assertThat(rows)
        .extracting(Row::toString)
        .containsExactly(
            "[1,USA_SOCIAL_SECURITY_NUMBER,PERSONAL_INFORMATION,2,High]",
            "[3,AWS_ACCESS_KEY_ID,CREDENTIALS,1,High]",
            "[3,CREDIT_CARD_EXPIRATION,FINANCIAL_INFORMATION,1,Low]");
    assertThat(spark.sql("SELECT trawl_detect(text) FROM docs WHERE id = 4").first().isNullAt(0))
        .isTrue();
  }

  @Test
  void trawlMaskAndIsSensitive() {
    List<Row> rows =
        spark
            .sql("SELECT id, trawl_mask(text), trawl_is_sensitive(text) FROM docs ORDER BY id")
            .collectAsList();
    assertThat(rows)
        .extracting(Row::toString)
        .containsExactly(
            "[1,Employee SSN: ***-**-6789, ssn ***-**-7890,true]",
            "[2,nothing to see here,false]",
            "[3,key ****************MPLE expiry **/**,true]",
            "[4,null,null]");
  }

  @Test
  void worksInAggregationsAcrossPartitions() {
    Row r =
        spark
            .sql(
                "SELECT count_if(trawl_is_sensitive(text)), sum(size(trawl_detect(text)))"
                    + " FROM docs WHERE text IS NOT NULL")
            .first();
    assertThat(r.getLong(0)).isEqualTo(2);
    assertThat(r.getLong(1)).isEqualTo(3);
  }
}
