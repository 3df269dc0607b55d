package org.custody.cli;

import java.util.Properties;
import org.custody.config.CustodyProperties;
import org.custody.diversion.ScoringConfig;
import org.custody.store.diversion.DiversionCases;
import org.custody.store.diversion.DiversionRunner;

/** Diversion scoring and webhook settings from {@code $CUSTODY_HOME/custody.properties}. */
final class DiversionSettings {

    private DiversionSettings() {}

    static Properties properties(CliContext ctx) {
        return CustodyProperties.load(ctx.home());
    }

    static DiversionCases cases(CliContext ctx) {
        return DiversionCases.fromProperties(ctx.database(), properties(ctx), CustodyProperties.file(ctx.home()).toString());
    }

    static ScoringConfig scoring(CliContext ctx) {
        try {
            return ScoringConfig.fromProperties(properties(ctx));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CustodyProperties.file(ctx.home()) + ": " + e.getMessage(), e);
        }
    }

    static DiversionRunner runner(CliContext ctx) {
        return cases(ctx).runner();
    }
}
