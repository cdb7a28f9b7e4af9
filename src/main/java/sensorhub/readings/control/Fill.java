package sensorhub.readings.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import sensorhub.problems.control.InvalidParameterException;

/**
 * What a series answers for the buckets of its range that hold no readings, with InfluxQL's meaning of
 * {@code fill}: nothing (the bucket is left out), nulls, the nearest earlier bucket's figures, or each figure
 * interpolated between the neighbouring buckets with readings by bucket start. A filled bucket has count 0.
 */
public enum Fill {
    NONE, NULL, PREVIOUS, LINEAR;

    /** The fill a request names ({@code null}, {@code previous}, {@code linear}); none where it names none. */
    public static Fill of(String parameter) {
        if (parameter == null) {
            return NONE;
        }
        return switch (parameter) {
            case "null", "previous", "linear" -> valueOf(parameter.toUpperCase(Locale.ROOT));
            default -> throw new InvalidParameterException("fill", "must be null, previous or linear");
        };
    }

    /**
     * The rows of every bucket, in order: those with readings as they are, the others filled.
     *
     * @param rows the buckets with readings, in time order, each the span of one of {@code spans}
     * @param spans every bucket of the range, {@code [start, end)} in epoch microseconds, in time order
     * @param figures how many figures a row has
     */
    public List<SeriesRow> filled(List<SeriesRow> rows, List<long[]> spans, int figures) {
        if (this == NONE) {
            return rows;
        }
        List<SeriesRow> all = new ArrayList<>(spans.size());
        List<Double> nulls = Collections.nCopies(figures, null);
        int next = 0;
        for (long[] span : spans) {
            if (next < rows.size() && rows.get(next).startMicros() == span[0]) {
                all.add(rows.get(next++));
                continue;
            }
            SeriesRow before = next > 0 ? rows.get(next - 1) : null;
            SeriesRow after = next < rows.size() ? rows.get(next) : null;
            all.add(SeriesRow.empty(span[0], span[1], switch (this) {
                case PREVIOUS -> before == null ? nulls : before.figures();
                case LINEAR -> before == null || after == null ? nulls : between(before, after, span[0]);
                default -> nulls;
            }));
        }
        return all;
    }

    /** Each figure on the line from {@code before}'s to {@code after}'s, at {@code start}, by bucket start. */
    private static List<Double> between(SeriesRow before, SeriesRow after, long start) {
        double share = (double) (start - before.startMicros()) / (after.startMicros() - before.startMicros());
        List<Double> figures = new ArrayList<>(before.figures().size());
        for (int i = 0; i < before.figures().size(); i++) {
            double from = before.figures().get(i);
            double to = after.figures().get(i);
            double line = from + (to - from) * share;
            // to - from overflows only for opposite signs near the largest doubles, where this form cannot
            figures.add(Double.isFinite(line) ? line : from * (1 - share) + to * share);
        }
        return figures;
    }
}
