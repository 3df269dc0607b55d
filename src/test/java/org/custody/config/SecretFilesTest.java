package org.custody.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.custody.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 4 (the parts outside PostgreSQL): secrets only in private files, never printed; a private home. */
class SecretFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPropertiesFileWithASecretMustBePrivate() throws Exception {
        Path home = dir.resolve("home");
        new CustodyHome(home).ensureDirectory(".");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        Path file = home.resolve("custody.properties");
        Files.writeString(file, "db.url=jdbc:postgresql://db:5432/custody\ndb.user=custody\ndb.password=s3cret-value\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> DatabaseConfig.resolve(new CustodyHome(home)))
                .hasMessageContaining(file + " holds the secret db.password but can be read by every user")
                .hasMessageContaining("chmod 600").hasMessageNotContaining("s3cret-value");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> DatabaseConfig.resolve(new CustodyHome(home))).hasMessageContaining("its group");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(DatabaseConfig.resolve(new CustodyHome(home))).isInstanceOf(DatabaseConfig.External.class);
    }

    @Test
    void passwordsInUrlsAreRedacted() {
        assertThat(SecretFiles.redact("jdbc:postgresql://db/custody?user=a&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/custody?user=a&password=***&ssl=true");
        assertThat(SecretFiles.redact("postgresql://alice:hunter2@db/custody")).isEqualTo("postgresql://alice:***@db/custody");
        assertThat(SecretFiles.redact("jdbc:postgresql://db/custody")).isEqualTo("jdbc:postgresql://db/custody");
    }
}
