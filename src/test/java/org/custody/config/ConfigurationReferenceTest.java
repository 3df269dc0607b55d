package org.custody.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custody.diversion.ScoringConfig;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting: each environment variable the code reads, each
 * custody.properties key, and each diversion scoring parameter with its default. Read from the sources,
 * so a new setting without a line in the reference fails here.
 */
class ConfigurationReferenceTest {

    static final Path DOC = Path.of("docs/configuration.md");
    static final Pattern ENV = Pattern.compile("getenv(?:\\(\\)\\.get(?:OrDefault)?)?\\(\"(CUSTODY_[A-Z_]+)\"");
    static final Pattern KEY = Pattern.compile("getProperty\\(\"((?:db|notify|lists|screening|evidence|ledger|vetting)\\.[a-z_.]+)\"");
    static final Pattern PREFIX = Pattern.compile("startsWith\\(\"((?:lists|diversion)\\.[a-z_.]*)\"\\)");

    @Test
    void everyEnvironmentVariableAndPropertyKeyTheCodeReadsIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : new Pattern[] {ENV, KEY, PREFIX}) {
                    Matcher m = p.matcher(src);
                    while (m.find()) read.add(m.group(1));
                }
            }
        }
        for (String launcher : new String[] {"custody", "scripts/jdk.sh", "run-tests"}) {
            Matcher m = Pattern.compile("\\$\\{?(CUSTODY_[A-Z_]+|JAVA_HOME)").matcher(Files.readString(Path.of(launcher)));
            while (m.find()) if (!m.group(1).equals("CUSTODY_MVN_FLAGS")) read.add(m.group(1));
        }
        assertThat(read).as("the scan finds the settings").contains("CUSTODY_HOME", "CUSTODY_DB_URL", "db.url",
                "notify.webhook.url", "lists.source.");
        for (String name : read) {
            String shown = name.equals("diversion.") ? "`diversion.<name>`" : name.endsWith(".") ? "`" + name + "<" : "`" + name + "`";
            assertThat(doc).as("docs/configuration.md documents " + name).contains(shown);
        }
    }

    @Test
    void everyDiversionParameterIsListedWithItsDefault() throws IOException {
        String doc = Files.readString(DOC);
        for (ScoringConfig.Parameter p : ScoringConfig.PARAMETERS) {
            Pattern row = Pattern.compile("\\| `diversion\\." + Pattern.quote(p.name()) + "` \\| ([0-9.]+) \\|");
            Matcher m = row.matcher(doc);
            assertThat(m.find()).as("row for diversion." + p.name()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as("default of diversion." + p.name()).isEqualTo(p.defaultValue());
        }
    }
}
