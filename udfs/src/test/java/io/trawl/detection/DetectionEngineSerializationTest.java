package io.trawl.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionEngineSerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void anEngineSurvivesJavaSerialisationAndRebuildsItsCompiledState() throws Exception {
    List<CustomDataIdentifier> custom =
        CustomDataIdentifier.fromJson(
            "cdi.json",
            "{\"name\":\"emp\",\"regex\":\"EMP-[0-9]{6}\",\"keywords\":[\"employee\"]}");
    List<AllowList> allow =
        AllowList.fromJson(
            "allow.json", "{\"name\":\"a\",\"criteria\":{\"words\":[\"234-56-7890\"]}}", null);
    DetectionEngine engine = TestCatalog.engine(custom, allow);
    String text =
        "ssn 123-45-6789 ssn 234-56-7890 employee EMP-123456 visa 4012888888881881 John Smith";

    DetectionEngine copy = roundTrip(engine);

    assertThat(copy.config()).isEqualTo(engine.config());
    assertThat(copy.identifierCount()).isEqualTo(engine.identifierCount()).isEqualTo(9);
    List<Detection> expected = engine.detect(text);
    assertThat(expected).hasSize(5);
    assertThat(copy.detect(text)).isEqualTo(expected);
  }

  @Test
  void theCatalogAndConfigSerialiseToo() throws Exception {
    ManagedDataIdentifiers catalog = TestCatalog.load();
    ManagedDataIdentifiers copy = roundTrip(catalog);
    assertThat(copy.definitions()).isEqualTo(catalog.definitions());
    assertThat(copy.validatorOf(copy.definition("CREDIT_CARD_NUMBER")).isValid("4012888888881881"))
        .isTrue();
  }

  @Test
  void enginesBuiltFromTheSameConfigAgree() {
    DetectionEngine a = TestCatalog.engine();
    DetectionEngine b = TestCatalog.engine();
    assertThat(a.detect("ssn 123-45-6789")).isEqualTo(b.detect("ssn 123-45-6789"));
  }
}
