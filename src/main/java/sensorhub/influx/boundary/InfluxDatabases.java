package sensorhub.influx.boundary;

import java.util.regex.Pattern;
import sensorhub.influxql.control.QueryException;

/** The rule of a database's name: 1 to 64 characters, none a control character. */
final class InfluxDatabases {

    static final int MAX_NAME = 64;
    static final String RULE = "a database name has 1 to " + MAX_NAME + " characters and no control characters";
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001f\\u007f-\\u009f]");

    private InfluxDatabases() {
    }

    static boolean valid(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME && !CONTROL.matcher(name).find();
    }

    /** @throws QueryException naming the rule if the name breaks it */
    static String checked(String name) {
        if (!valid(name)) {
            throw new QueryException(RULE);
        }
        return name;
    }
}
