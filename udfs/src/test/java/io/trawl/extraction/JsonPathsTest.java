package io.trawl.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  @Test
  void buildsPathsWithIndicesAndNames() {
    JsonPaths p = new JsonPaths();
    p.pushObject();
    p.field("customers");
    p.valueStarts();
    p.pushArray();
    p.valueStarts();
    p.pushObject();
    p.pop();
    p.valueStarts();
    p.pushObject();
    p.field("ssn");
    p.valueStarts();
    assertThat(p.path()).isEqualTo("$.customers[1].ssn");
    assertThat(p.names()).containsExactly("customers", "ssn");
    assertThat(p.parentNames()).containsExactly("customers");
  }

  @Test
  void longElementNamesKeepTheirLast240Characters() {
    String name = "x".repeat(10) + "y".repeat(240);
    JsonPaths p = new JsonPaths();
    p.pushObject();
    p.field(name);
    assertThat(p.path()).isEqualTo("$." + "y".repeat(240));
    assertThat(p.names()).containsExactly(name); // keywords still see the whole name
  }

  @Test
  void longPathsLoseLeadingElementsUntilAtMost250Characters() {
    JsonPaths p = new JsonPaths();
    for (int i = 0; i < 30; i++) {
      p.pushObject();
      p.field("element" + (char) ('a' + i % 26) + "23456789");
      if (i < 29) {
        p.valueStarts();
      }
    }
    String path = p.path();
    assertThat(path).startsWith("$.").hasSizeLessThanOrEqualTo(250);
    assertThat(path).endsWith(".elementd23456789");
    // Whole elements were dropped: what remains is a suffix made of complete segments.
    assertThat(path.substring(1).split("\\.", -1)[1]).hasSize(16);
  }

  @Test
  void buildTruncatesASingleOverlongSegmentFromItsStart() {
    String segment = "." + "z".repeat(300);
    String path = JsonPaths.build(List.of(segment), 1 + segment.length());
    assertThat(path).hasSize(250).startsWith("$zz");
  }
}
