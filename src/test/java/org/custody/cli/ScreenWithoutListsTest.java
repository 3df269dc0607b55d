package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class ScreenWithoutListsTest {

    @TempDir
    Path home;

    @Test
    void screeningWithNoListImportedSaysWhatToDo() {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(home), db);
            CliRun r = CliRun.run(ctx, "screen", "ANYONE");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("no watchlist imported yet").contains("custody lists import --bundled");
            assertThat(ctx.screenerIfAvailable()).isNull();
        }
    }
}
