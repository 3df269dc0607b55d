package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.custody.config.CustodyHome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finding 3 of the hardening issue: numeric options refuse NaN, infinities and out-of-range values at
 * parse time (exit 2), naming the option; no database is opened for a refused command line.
 */
class NumericOptionsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "screen --threshold NaN Osama|--threshold|not a finite number",
            "screen --threshold Infinity Osama|--threshold|not a finite number",
            "screen --threshold -Infinity Osama|--threshold|not a finite number",
            "screen --threshold 1.5 Osama|--threshold|out of range: expected 0 to 1",
            "screen --threshold -0.1 Osama|--threshold|out of range: expected 0 to 1",
            "screen --threshold 0x1p-2z Osama|--threshold|is not a number",
            "screen --limit 0 Osama|--limit|out of range: expected 1 to 1000",
            "screen --limit 2147483648 Osama|--limit|out of range: expected 1 to 1000",
            "ledger transfers --limit -5|--limit|out of range",
            "eum status --case X --months 0|--months|out of range: expected 1 to 1200",
            "eum check record --date 2017-03-01 --place P --inspector I --items x.csv --lat 91|--lat|out of range: expected -90 to 90",
            "eum check record --date 2017-03-01 --place P --inspector I --items x.csv --lon NaN|--lon|not a finite number",
            "lists update --timeout 0|--timeout|out of range: expected 1 to 3600",
            "case show 0|CASE|out of range",
            "case show 99999999999999999999|CASE|not a whole number",
            "vet check -3|REQUEST|out of range"})
    void refusesNonFiniteAndOutOfRangeValuesNamingTheOption(String line, String option, String why) {
        CliContext ctx = new CliContext(new CustodyHome(home));
        CliRun r = CliRun.run(ctx, line.split(" "));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(option).contains(why);
        assertThat(home.resolve("pgdata")).doesNotExist();
    }
}
