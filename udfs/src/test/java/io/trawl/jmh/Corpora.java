package io.trawl.jmh;

import io.trawl.detection.ContentSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic benchmark inputs of about {@value #TARGET} characters each (ASCII, so characters =
 * bytes): how an extractor would hand them to the engine (text blocks of complete lines, or cells).
 */
final class Corpora {
  static final int TARGET = 1_000_000;
  static final int BLOCK = 64 * 1024;

  private Corpora() {}

  /** A corpus ready to be fed to a scan, and its size in characters. */
  interface Corpus {
    long chars();

    void feed(ContentSink sink);
  }

  static Corpus of(String name) {
    return switch (name) {
      case "SPARSE_TEXT_LOGS" -> text(sparseTextAndLogs());
      case "DENSE_CSV" -> denseCsv();
      case "DIGIT_RUNS" -> text(digitRuns());
      case "KEYWORD_FLOOD" -> text(keywordFlood());
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static final String[] WORDS =
      "the of and to in is was for on that with as by at from this be are or an it which not have"
          .split(" ");

  /** Prose and application logs with a sensitive value every ~20 KB (the common case). */
  static String sparseTextAndLogs() {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(TARGET + 200);
    int line = 0;
    while (sb.length() < TARGET) {
      line++;
      if (line % 3 == 0) {
        sb.append(
            String.format(
                "2024-05-%02d %02d:%02d:%02d.%03d INFO [worker-%d] GET /api/v2/orders/%d?page=%d"
                    + " status=200 bytes=%d duration=%dms client=10.%d.%d.%d req=%08x-%04x%n",
                1 + r.nextInt(28),
                r.nextInt(24),
                r.nextInt(60),
                r.nextInt(60),
                r.nextInt(1000),
                r.nextInt(16),
                r.nextInt(1_000_000),
                r.nextInt(50),
                r.nextInt(100_000),
                r.nextInt(3000),
                r.nextInt(256),
                r.nextInt(256),
                r.nextInt(256),
                r.nextInt(),
                r.nextInt(65536)));
      } else {
        int n = 8 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
          String w = WORDS[r.nextInt(WORDS.length)];
          if (r.nextInt(10) == 0) {
            w = "Quarterly revenue report section " + r.nextInt(100);
          }
          sb.append(w).append(' ');
        }
        sb.append('\n');
      }
      if (line % 250 == 0) {
        sb.append(
            switch (line / 250 % 4) {
              case 0 -> "Employee SSN: 123-45-6789 on file\n";
              case 1 -> "charged card number 4012 8888 8888 1881 today\n";
              case 2 -> "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n";
              default -> "Dear John Smith, your IBAN DE89 3704 0044 0532 0130 00 is confirmed\n";
            });
      }
    }
    return sb.toString();
  }

  /** A customer table where every row holds several sensitive values. */
  static Corpus denseCsv() {
    Random r = new Random(7);
    String[] header = {"name", "ssn", "credit_card", "phone", "email", "iban", "notes"};
    List<String[]> rows = new ArrayList<>();
    long chars = 0;
    String[] cards = {
      "4012888888881881", "5105105105105100", "4111111111111111", "378282246310005"
    };
    while (chars < TARGET) {
      String[] row = {
        "John Smith",
        String.format("%03d-%02d-%04d", 100 + r.nextInt(600), 1 + r.nextInt(98), r.nextInt(10000)),
        cards[r.nextInt(cards.length)],
        String.format("+1 (555) %03d-%04d", r.nextInt(1000), r.nextInt(10000)),
        "user" + r.nextInt(100000) + "@example.com",
        "DE89 3704 0044 0532 0130 00",
        "renewal due " + (1 + r.nextInt(12)) + "/27, customer since 2019"
      };
      rows.add(row);
      for (String v : row) {
        chars += v.length() + 1;
      }
    }
    final long total = chars;
    return new Corpus() {
      @Override
      public long chars() {
        return total;
      }

      @Override
      public void feed(ContentSink sink) {
        for (int c = 0; c < header.length; c++) {
          sink.cell(header[c], 1, c + 1, null, null);
        }
        for (int i = 0; i < rows.size(); i++) {
          String[] row = rows.get(i);
          for (int c = 0; c < row.length; c++) {
            sink.cell(row[c], i + 2, c + 1, header[c], null);
          }
        }
      }
    };
  }

  /** Adversarial for the shape trigger: digits everywhere, long and short, with separators. */
  static String digitRuns() {
    Random r = new Random(3);
    StringBuilder sb = new StringBuilder(TARGET + 200);
    while (sb.length() < TARGET) {
      switch (r.nextInt(3)) {
        case 0 -> sb.append("9".repeat(200 + r.nextInt(800)));
        case 1 -> {
          for (int i = 0; i < 200; i++) {
            sb.append(r.nextInt(10)).append(' ');
          }
        }
        default -> {
          for (int i = 0; i < 50; i++) {
            sb.append(1000 + r.nextInt(9000)).append('-');
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Adversarial for the keyword windows: keywords of many identifiers, densely, with numbers. */
  static String keywordFlood() {
    Random r = new Random(5);
    String[] kws = {
      "ssn",
      "passport",
      "phone",
      "dob",
      "account number",
      "credit card",
      "cvv",
      "expiry",
      "tax file number",
      "nhs",
      "sin",
      "dni",
      "cpf",
      "vin",
      "npi",
      "secret key",
      "credentials"
    };
    StringBuilder sb = new StringBuilder(TARGET + 200);
    while (sb.length() < TARGET) {
      for (int i = 0; i < 12; i++) {
        sb.append(kws[r.nextInt(kws.length)]).append(": ").append(r.nextInt(1_000_000)).append(' ');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Plain text handed over in blocks of complete lines, as the text extractor does. */
  static Corpus text(String all) {
    List<String> blocks = new ArrayList<>();
    List<Long> firstLines = new ArrayList<>();
    long line = 1;
    int pos = 0;
    while (pos < all.length()) {
      int end = Math.min(all.length(), pos + BLOCK);
      int nl = all.lastIndexOf('\n', end - 1);
      if (end < all.length() && nl > pos) {
        end = nl + 1;
      }
      String block = all.substring(pos, end);
      blocks.add(block);
      firstLines.add(line);
      line += block.chars().filter(c -> c == '\n').count();
      pos = end;
    }
    return new Corpus() {
      @Override
      public long chars() {
        return all.length();
      }

      @Override
      public void feed(ContentSink sink) {
        for (int i = 0; i < blocks.size(); i++) {
          sink.text(blocks.get(i), firstLines.get(i));
        }
      }
    };
  }
}
