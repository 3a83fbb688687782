package com.scopien.soql;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Conversions of Java numbers to {@link BigDecimal}, so numbers compare by value, not type. */
final class Numbers {
  private Numbers() {}

  /**
   * The exact value of a number, or a {@link SoqlException} for NaN and infinities.
   *
   * @throws SoqlException for a non-finite double or float
   */
  static BigDecimal toBigDecimal(Number n) {
    BigDecimal value = toBigDecimalOrNull(n);
    if (value == null) {
      throw new SoqlException("not a finite number: " + n);
    }
    return value;
  }

  /** As {@link #toBigDecimal} but {@code null} for NaN and infinities. */
  static BigDecimal toBigDecimalOrNull(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    } else if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    } else if (n instanceof Float f) {
      return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
    } else if (n instanceof Double d) {
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    } else if (n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    try {
      return new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
  }
}
