package org.custody.store.photo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.custody.photo.ocr.LedgerSerials;
import org.custody.store.StoreException;

/** The ledger's serials by folded key (V75's {@code ledger_serial.folded_key}, indexed), on one connection. */
public final class JdbcLedgerSerials implements LedgerSerials {

    private final Connection connection;

    public JdbcLedgerSerials(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<String> keysFolding(String folded) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DISTINCT serial_key FROM ledger_serial WHERE folded_key = ? ORDER BY serial_key")) {
            ps.setString(1, folded);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("looking up ledger serials folding to " + folded + ": " + e.getMessage(), e);
        }
    }
}
