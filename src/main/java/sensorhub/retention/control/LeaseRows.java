package sensorhub.retention.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import sensorhub.database.control.TransientFailures;

/**
 * Leases on work one instance does at a time ({@code leases}): taken when free or expired, renewed by taking
 * again, and given up by letting it expire. Whoever holds an unexpired lease is the only one doing its work.
 */
public final class LeaseRows {

    static final String TAKE = "UPDATE leases SET holder = ?, expires_micros = ? "
            + "WHERE name = ? AND (holder = ? OR expires_micros < ?)";
    static final String FIRST = "INSERT INTO leases (holder, expires_micros, name) VALUES (?, ?, ?)";
    static final String RELEASE = "UPDATE leases SET expires_micros = 0 WHERE name = ? AND holder = ?";

    private final Connection connection;

    public LeaseRows(Connection connection) {
        this.connection = connection;
    }

    /** Lets the lease go at once, if {@code holder} holds it, for whoever asks next. */
    public void release(String name, String holder) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, name);
            release.setString(2, holder);
            release.executeUpdate();
        }
    }

    /** Whether {@code holder} holds the lease until {@code expiresMicros} now. */
    public boolean take(String name, String holder, long nowMicros, long expiresMicros) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, holder);
            take.setLong(2, expiresMicros);
            take.setString(3, name);
            take.setString(4, holder);
            take.setLong(5, nowMicros);
            if (take.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement first = connection.prepareStatement(FIRST)) {
            first.setString(1, holder);
            first.setLong(2, expiresMicros);
            first.setString(3, name);
            return first.executeUpdate() == 1;
        } catch (SQLException e) {
            if (TransientFailures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
