package org.custody.store.diversion;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import org.custody.notify.DeliveryAttempt;
import org.custody.notify.DeliveryLog;
import org.custody.store.Database;

/** Records each webhook delivery attempt in {@code notify_delivery}, in its own transaction. */
public final class JdbcDeliveryLog implements DeliveryLog {

    private final Database db;

    public JdbcDeliveryLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(DeliveryAttempt a) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO notify_delivery(delivery_id, event_type, url, attempt, at, status, error, delivered)
                    VALUES (?,?,?,?,?,?,?,?)""")) {
                ps.setString(1, a.deliveryId());
                ps.setString(2, a.eventType());
                ps.setString(3, a.url());
                ps.setInt(4, a.attempt());
                ps.setTimestamp(5, Timestamp.from(a.at()));
                ps.setInt(6, a.status());
                ps.setString(7, a.error());
                ps.setBoolean(8, a.delivered());
                return ps.executeUpdate();
            }
        });
    }
}
