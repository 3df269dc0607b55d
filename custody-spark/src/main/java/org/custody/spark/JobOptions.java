package org.custody.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's command line: {@code --name value} options and plain arguments. An unknown option, a missing value
 * or a malformed number is a {@link UsageException} naming the option.
 */
final class JobOptions {

    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();

    JobOptions(List<String> args, List<String> valued, List<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) throw new UsageException("option --" + name + " takes no value");
                    values.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new UsageException("option --" + name + " needs a value");
                        value = args.get(++i);
                    }
                    values.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name + " (known: " + known(valued, flags) + ")");
                }
            } else {
                arguments.add(a);
            }
        }
    }

    private static String known(List<String> valued, List<String> flags) {
        List<String> all = new ArrayList<>();
        valued.forEach(v -> all.add("--" + v));
        flags.forEach(f -> all.add("--" + f));
        return String.join(", ", all);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new UsageException("missing option --" + name);
        return v;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int intValue(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new UsageException("option --" + name + ": " + n + " is outside " + min + ".." + max);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + ": not a whole number: '" + v + "'");
        }
    }

    Double doubleValue(String name) {
        String v = values.get(name);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= 0 && d <= 1)) throw new UsageException("option --" + name + ": " + v + " is outside 0..1");
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + ": not a number: '" + v + "'");
        }
    }

    List<String> arguments() {
        return arguments;
    }
}
