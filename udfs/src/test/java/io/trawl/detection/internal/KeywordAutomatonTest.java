package io.trawl.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {

  private static List<String> hits(KeywordAutomaton a, String text) {
    List<String> out = new ArrayList<>();
    a.scan(text.toCharArray(), 0, text.length(), (lit, s, e) -> out.add(lit + "@" + s + "-" + e));
    return out;
  }

  @Test
  void findsOverlappingAndNestedLiteralsInOnePass() {
    KeywordAutomaton a = KeywordAutomaton.build(List.of("he", "she", "his", "hers"));
    assertThat(hits(a, "ushers")).containsExactly("1@1-4", "0@2-4", "3@2-6");
  }

  @Test
  void foldsCaseForAsciiAndBeyond() {
    KeywordAutomaton a = KeywordAutomaton.build(List.of("ssn", "numéro de compte"));
    assertThat(hits(a, "SSN, Ssn and NUMÉRO DE COMPTE"))
        .containsExactly("0@0-3", "0@5-8", "1@13-29");
  }

  @Test
  void restartsAfterAPartialMatch() {
    KeywordAutomaton a = KeywordAutomaton.build(List.of("abcd", "bcx"));
    assertThat(hits(a, "abcbcx abcd")).containsExactly("1@3-6", "0@7-11");
  }

  @Test
  void charSequenceAndArrayScansAgree() {
    KeywordAutomaton a = KeywordAutomaton.build(List.of("card", "credit card", "cc#"));
    String text = "Credit Card cc# CARDS";
    List<String> viaSequence = new ArrayList<>();
    a.scan(new StringBuilder(text), 0, text.length(), (l, s, e) -> viaSequence.add(l + "@" + s));
    assertThat(viaSequence)
        .isEqualTo(hits(a, text).stream().map(h -> h.substring(0, h.indexOf('-'))).toList());
    assertThat(viaSequence).hasSize(4);
  }
}
