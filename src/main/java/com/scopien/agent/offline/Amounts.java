package com.scopien.agent.offline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads amounts as people write them: 50000, 50,000, $50k, 1.5m, 2 million. */
final class Amounts {
  static final String NUMBER =
      "\\$?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|m|mm|million|thousand|grand|bn|billion)?(?![a-z])";
  private static final Pattern WHOLE = Pattern.compile("\\s*" + NUMBER + "\\s*");

  private Amounts() {}

  static BigDecimal value(String digits, String unit) {
    BigDecimal n = new BigDecimal(digits.replace(",", ""));
    if (unit != null) {
      n =
          n.multiply(
              switch (unit.toLowerCase(Locale.ROOT)) {
                case "k", "thousand", "grand" -> BigDecimal.valueOf(1_000);
                case "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
                default -> BigDecimal.valueOf(1_000_000);
              });
    }
    n = n.stripTrailingZeros();
    return n.scale() < 0 ? n.setScale(0) : n;
  }

  /** The whole text as an amount, if it is one. */
  static Optional<BigDecimal> parse(String text) {
    Matcher m = WHOLE.matcher(text.toLowerCase(Locale.ROOT));
    return m.matches() ? Optional.of(value(m.group(1), m.group(2))) : Optional.empty();
  }
}
