package org.custody.spark;

import java.io.Serializable;
import org.custody.store.Database;

/**
 * How a job reaches Custody's PostgreSQL: the JDBC URL given on the command line and the user and password
 * from {@code CUSTODY_DB_USER} / {@code CUSTODY_DB_PASSWORD} on the driver (as the CLI reads them). The
 * values travel to the executors inside the job's closures, never in a log line or a Spark configuration.
 */
record CustodyDb(String url, String user, String password) implements Serializable {

    static CustodyDb fromUrl(String url) {
        if (url == null) return null;
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new JobOptions.UsageException("--db: expected a jdbc:postgresql://host:port/database URL, got '"
                    + org.custody.config.SecretFiles.redact(url) + "'");
        }
        return new CustodyDb(url, System.getenv("CUSTODY_DB_USER"), System.getenv("CUSTODY_DB_PASSWORD"));
    }

    Database open() {
        return Database.connect(url, user, password);
    }

    @Override
    public String toString() {
        return org.custody.config.SecretFiles.redact(url);
    }
}
