package sensorhub.statistics.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import sensorhub.problems.control.InvalidParameterException;

/**
 * The percentiles a request asks for ({@code percentiles=5,50,95,99.9}), each named in the answer as it was
 * written. numpy's {@code percentile(values, p)} takes {@code q = p / 100} in doubles, and so do we.
 */
public final class Percentiles {

    /** Percentiles one request may ask for. */
    public static final int MAX = 32;
    private static final String PARAMETER = "percentiles";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{1,15})?");

    /** A percentile as asked for: its name in the answer and its fraction {@code q}. */
    public record Percentile(String name, double q) {
    }

    private Percentiles() {
    }

    /** The percentiles of the parameter, in its order; none where it is absent. */
    public static List<Percentile> parse(String parameter) {
        if (parameter == null) {
            return List.of();
        }
        String[] names = parameter.split(",", -1);
        if (names.length > MAX) {
            throw new InvalidParameterException(PARAMETER, "may name at most " + MAX + " percentiles");
        }
        List<Percentile> percentiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!NUMBER.matcher(name).matches() || Double.parseDouble(name) > 100) {
                throw new InvalidParameterException(PARAMETER, "must be numbers from 0 to 100 separated by commas, "
                        + "such as 5,50,99.9; '" + abbreviated(name) + "' is not one");
            }
            if (!seen.add(name)) {
                throw new InvalidParameterException(PARAMETER, "names " + name + " twice");
            }
            percentiles.add(new Percentile(name, Double.parseDouble(name) / 100));
        }
        return percentiles;
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
