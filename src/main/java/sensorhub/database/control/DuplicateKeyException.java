package sensorhub.database.control;

import java.sql.SQLException;

/** A row refused because its primary or unique key is taken: what it means is the feature's to say. */
public class DuplicateKeyException extends DatabaseException {

    public DuplicateKeyException(SQLException cause) {
        super(cause);
    }
}
