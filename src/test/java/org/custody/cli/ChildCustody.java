package org.custody.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.store.Database;

/**
 * A {@code custody} command in a separate JVM with a capped heap (exits on the first OutOfMemoryError),
 * on the test's database: how memory tests show a command runs in bounded memory.
 */
final class ChildCustody {

    private ChildCustody() {}

    static ProcessBuilder command(Database db, Path home, String heap, String... args) {
        return command(db, home, List.of(heap, "-XX:+ExitOnOutOfMemoryError"), System.getProperty("java.class.path"), args);
    }

    /** The same with the given JVM options and class path (a test of how the launcher starts the JVM). */
    static ProcessBuilder command(Database db, Path home, List<String> jvmOptions, String classPath, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, CustodyCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        HikariDataSource ds = (HikariDataSource) db.dataSource();
        pb.environment().put("CUSTODY_HOME", home.toString());
        pb.environment().put("CUSTODY_DB_URL", ds.getJdbcUrl());
        if (ds.getUsername() != null) pb.environment().put("CUSTODY_DB_USER", ds.getUsername());
        if (ds.getPassword() != null) pb.environment().put("CUSTODY_DB_PASSWORD", ds.getPassword());
        return pb;
    }
}
