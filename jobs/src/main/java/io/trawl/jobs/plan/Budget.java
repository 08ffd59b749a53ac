package io.trawl.jobs.plan;

import io.trawl.TrawlErrors;
import io.trawl.jobs.classify.CostModel;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan may spend: gigabytes read (10^9 bytes, as Macie bills), a number of objects, or US
 * dollars of estimated Trawl cost.
 *
 * @param unit what is counted
 * @param amount how much of it (GB, objects or USD)
 * @param text the budget as the user wrote it, e.g. {@code 10GB}
 */
public record Budget(Unit unit, double amount, String text) implements Serializable {

  /** The budget's unit. */
  public enum Unit {
    GB,
    OBJECTS,
    USD
  }

  private static final Pattern FORM =
      Pattern.compile("(?i)^\\s*(\\$)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(gb|objects?|usd)?\\s*$");

  public Budget {
    if (!(amount > 0) || Double.isInfinite(amount)) {
      throw TrawlErrors.invalidArgument("budget must be a positive amount, got %s", text);
    }
  }

  /** Parses {@code 10GB}, {@code 0.5gb}, {@code 2000objects}, {@code $5} or {@code 5USD}. */
  public static Budget parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
      throw TrawlErrors.invalidArgument(
          "budget '%s' not understood: use <N>GB, <N>objects or $<N>, e.g. 10GB, 5000objects, $2",
          text);
    }
    String suffix = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
    if (m.group(1) != null && !suffix.isEmpty() && !suffix.equals("usd")) {
      throw TrawlErrors.invalidArgument("budget '%s' mixes $ with %s", text, suffix);
    }
    double amount = Double.parseDouble(m.group(2));
    Unit unit =
        m.group(1) != null || suffix.equals("usd")
            ? Unit.USD
            : suffix.equals("gb") ? Unit.GB : Unit.OBJECTS;
    if (unit == Unit.OBJECTS && amount != Math.floor(amount)) {
      throw TrawlErrors.invalidArgument("budget '%s': a number of objects must be whole", text);
    }
    return new Budget(unit, amount, text.trim());
  }

  /** What one object costs against this budget. */
  public double unitsPerObject(double meanBytes, double kmsFraction, CostModel cost) {
    return switch (unit) {
      case OBJECTS -> 1;
      case GB -> meanBytes / CostModel.GB;
      case USD -> cost.trawlCost(1, meanBytes, kmsFraction);
    };
  }
}
