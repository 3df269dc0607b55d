package org.custody.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every numeric option is checked here: NaN and infinities are refused everywhere (registered for every
 * double/float option), and each option names its documented range with one of the converters below, so
 * {@code --threshold NaN} or {@code --limit 0} is refused before any work with the option named.
 */
final class NumericOptions {

    private NumericOptions() {}

    /** Registers the finite-number check for every floating-point option of {@code cl} and its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(Double.class, NumericOptions::finite);
        cl.registerConverter(Double.TYPE, NumericOptions::finite);
        cl.registerConverter(Float.class, s -> (float) finite(s));
        cl.registerConverter(Float.TYPE, s -> (float) finite(s));
    }

    static double finite(String s) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + Printable.text(s) + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new TypeConversionException("'" + s + "' is not a finite number");
        return v;
    }

    static double between(String s, double min, double max) {
        double v = finite(s);
        if (v < min || v > max) {
            throw new TypeConversionException(String.format(Locale.ROOT, "%s is out of range: expected %s to %s",
                    s.trim(), plain(min), plain(max)));
        }
        return v;
    }

    static long between(String s, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + Printable.text(s) + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new TypeConversionException("%s is out of range: expected %d to %d".formatted(s.trim(), min, max));
        }
        return v;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A score or share: 0 to 1. */
    static final class Share implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return between(s, 0.0, 1.0); }
    }

    static final class Latitude implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return between(s, -90.0, 90.0); }
    }

    static final class Longitude implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return between(s, -180.0, 180.0); }
    }

    /** Hits per screened name: 1 to 1000. */
    static final class HitLimit implements ITypeConverter<Integer> {
        @Override public Integer convert(String s) { return (int) between(s, 1, 1000); }
    }

    /** Rows a listing shows: 1 to 1,000,000. */
    static final class RowLimit implements ITypeConverter<Integer> {
        @Override public Integer convert(String s) { return (int) between(s, 1, 1_000_000); }
    }

    /** A verification interval in months: 1 to 1200. */
    static final class Months implements ITypeConverter<Integer> {
        @Override public Integer convert(String s) { return (int) between(s, 1, 1200); }
    }

    /** A network timeout in seconds: 1 to 3600. */
    static final class TimeoutSeconds implements ITypeConverter<Integer> {
        @Override public Integer convert(String s) { return (int) between(s, 1, 3600); }
    }

    /** A stored record's id: 1 or more. */
    static final class Id implements ITypeConverter<Long> {
        @Override public Long convert(String s) { return between(s, 1, Long.MAX_VALUE); }
    }
}
