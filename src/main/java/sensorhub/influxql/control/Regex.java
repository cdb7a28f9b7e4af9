package sensorhub.influxql.control;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression of a query ({@code =~ /.../}), matched as Go's RE2 does (InfluxDB is written in Go): by
 * re2j, in time linear in the text, so that a query's expression cannot make a tag match run for ever.
 */
public record Regex(String source, Pattern pattern) {

    /** @throws QueryException if it is no RE2 expression */
    public static Regex of(String source) {
        try {
            return new Regex(source, Pattern.compile(source));
        } catch (PatternSyntaxException e) {
            throw new QueryException("error parsing regex: " + e.getDescription());
        }
    }

    /** Whether the expression matches anywhere in the text, as InfluxQL's {@code =~} asks. */
    public boolean find(String text) {
        return pattern.matcher(text).find();
    }
}
