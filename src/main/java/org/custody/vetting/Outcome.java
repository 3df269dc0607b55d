package org.custody.vetting;

import java.util.Locale;

/** A vetting officer's verdict on a subject. Restricted carries the conditions it is restricted to. */
public sealed interface Outcome {

    String label();

    record Approved() implements Outcome {
        public String label() {
            return "approved";
        }
    }

    record Denied() implements Outcome {
        public String label() {
            return "denied";
        }
    }

    record Restricted(String conditions) implements Outcome {
        public Restricted {
            if (conditions == null || conditions.isBlank()) {
                throw new IllegalArgumentException("a restricted outcome needs its conditions");
            }
        }

        public String label() {
            return "restricted";
        }
    }

    static Outcome parse(String label, String conditions) {
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "approved", "approve" -> new Approved();
            case "denied", "deny" -> new Denied();
            case "restricted", "restrict" -> new Restricted(conditions);
            default -> throw new IllegalArgumentException("unknown outcome '" + label
                    + "' (expected approved, denied or restricted)");
        };
    }
}
