package sensorhub.hostile;

import java.util.List;
import sensorhub.testing.Database;

/**
 * A cheap fingerprint of every table a request may write: row counts and sums over their columns, for readings
 * the sums over the corpus's own sensors only (the table holds the other tests' millions of rows; readings are
 * never updated in place, so a refused write shows in the count or in those sums). Two equal fingerprints
 * around a refused request mean it wrote nothing. {@code api_keys.last_used_at} is left out: a successful key
 * check may touch it.
 */
final class Fingerprint {

    private static final String QUERY = "SELECT "
            + "(SELECT COUNT(*) FROM sensors), (SELECT SUM(sensor_key) FROM sensors), "
            + "(SELECT SUM(activation_date) FROM sensors), (SELECT SUM(updated_at) FROM sensors), "
            + "(SELECT SUM(LENGTH(id) + LENGTH(name) + LENGTH(type) + LENGTH(unit) + COALESCE(LENGTH(location), 0)"
            + " + LENGTH(updated_by)) FROM sensors), "
            + "(SELECT SUM(CASE WHEN active THEN 1 ELSE 0 END) FROM sensors), "
            + "(SELECT COALESCE(SUM(reading_count), 0) FROM reading_blocks), (SELECT SUM(first_micros % 1000003) "
            + "+ SUM(last_micros % 1000003) + SUM(min_value) + SUM(max_value) + SUM(LENGTH(readings)) "
            + "FROM reading_blocks WHERE sensor_key IN (SELECT sensor_key FROM sensors WHERE id LIKE 'hostile-%')), "
            + "(SELECT COUNT(*) FROM api_keys), (SELECT SUM(id) FROM api_keys), "
            + "(SELECT SUM(LENGTH(name) + LENGTH(permissions) + created_at) FROM api_keys), "
            + "(SELECT COUNT(revoked_at) FROM api_keys), (SELECT SUM(revoked_at) FROM api_keys), "
            + "(SELECT COUNT(*) FROM daily_aggregates), (SELECT SUM(epoch_day) FROM daily_aggregates), "
            + "(SELECT SUM(value_count) FROM daily_aggregates), (SELECT SUM(sensor_key) FROM daily_aggregates)";

    private Fingerprint() {
    }

    static List<String> take() {
        return Database.row(QUERY);
    }
}
