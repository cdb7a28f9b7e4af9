package sensorhub.database.control;

import java.sql.SQLException;

/** A row refused because a row it refers to (by foreign key) is gone, e.g. a sensor deleted meanwhile. */
public class MissingReferenceException extends DatabaseException {

    public MissingReferenceException(SQLException cause) {
        super(cause);
    }
}
