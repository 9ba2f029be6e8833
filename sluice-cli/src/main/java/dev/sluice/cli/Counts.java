package dev.sluice.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses counts and rates people type: {@code 5000}, {@code 5_000}, {@code 5,000}, {@code 200k}, {@code 1.5M}. */
final class Counts {
  private Counts() {}

  static double parse(String text) {
    String s = text.strip().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
    double factor = 1;
    if (s.endsWith("k")) {
      factor = 1e3;
    } else if (s.endsWith("m")) {
      factor = 1e6;
    } else if (s.endsWith("g") || s.endsWith("b")) {
      factor = 1e9;
    }
    if (factor != 1) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?")) {
      throw new TypeConversionException("'" + text + "' is not a number");
    }
    return Double.parseDouble(s) * factor;
  }

  /** A whole number, e.g. {@code --events 1M}. */
  static final class LongConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      double d = parse(value);
      if (d != Math.rint(d) || Math.abs(d) >= 9.2e18) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      return (long) d;
    }
  }

  /** A number, e.g. {@code --rate 200k}. */
  static final class DoubleConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return parse(value);
    }
  }
}
