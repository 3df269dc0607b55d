package org.custody.cli;

import java.util.Properties;
import org.custody.diversion.ScoringConfig;
import org.custody.store.diversion.DiversionRunner;

/** Diversion scoring and webhook settings from {@code $CUSTODY_HOME/custody.properties}. */
final class DiversionSettings {

    private DiversionSettings() {}

    static Properties properties(CliContext ctx) {
        return ctx.home().properties();
    }

    static ScoringConfig scoring(CliContext ctx) {
        try {
            return ScoringConfig.fromProperties(properties(ctx));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ctx.home().resolve("custody.properties") + ": " + e.getMessage(), e);
        }
    }

    static DiversionRunner runner(CliContext ctx) {
        try {
            return DiversionRunner.configured(ctx.database(), properties(ctx));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ctx.home().resolve("custody.properties") + ": " + e.getMessage(), e);
        }
    }
}
