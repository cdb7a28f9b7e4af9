package sensorhub.influx.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sensorhub.blocks.entity.ReadingBatch;
import sensorhub.influx.control.LineProtocol.Series;

/**
 * The readings of one write request, by sensor id ({@link SeriesNames}), in batches of at most the batch limit each,
 * with what a new series' sensor needs and the lines refused. Each batch is stored whole or not at all, as a REST
 * batch; the request as a whole is not atomic, as InfluxDB's writes are not.
 */
public final class WrittenPoints implements LineProtocol.Sink {

    /** Refused lines named in the answer at most, as InfluxDB names each (the count covers the rest). */
    static final int NAMED_REFUSALS = 10;
    /** A refused line is quoted up to this many characters. */
    static final int QUOTED = 200;

    /** A series of the request, the sensor it is, and whether its field came as an integer first. */
    public record Written(String sensorId, String measurement, String field, Series series, boolean integer) {
    }

    /** A refused line, numbered from 1, with InfluxDB's reason. */
    public record Refusal(int number, String line, String reason) {
    }

    private final String database;
    private final int maxBatch;
    private final List<ReadingBatch> batches = new ArrayList<>();
    private final Map<Series, Map<String, Written>> sensorOfSeries = new IdentityHashMap<>();
    private final Map<String, Written> written = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private int refused;
    private ReadingBatch current;

    public WrittenPoints(String database, int maxBatch) {
        this.database = database;
        this.maxBatch = maxBatch;
    }

    @Override
    public void reading(Series series, String field, long micros, double value, boolean integer) {
        Written sensor = sensorOfSeries.computeIfAbsent(series, s -> new HashMap<>()).computeIfAbsent(field,
                f -> written.computeIfAbsent(SeriesNames.sensorId(database, series, f),
                        id -> new Written(id, series.measurement(), f, series, integer)));
        if (current == null || current.size() == maxBatch) {
            current = new ReadingBatch();
            batches.add(current);
        }
        current.add(sensor.sensorId(), micros, value);
    }

    @Override
    public void refused(int number, String line, String reason) {
        refused++;
        if (refusals.size() < NAMED_REFUSALS) {
            refusals.add(new Refusal(number, line.length() > QUOTED ? line.substring(0, QUOTED) + "..." : line,
                    reason));
        }
    }

    /**
     * Drops the readings of the series that cannot be sensors (a tag the sensor rules refuse, say): each such
     * series is named once among the refusals, and its readings are counted as dropped.
     */
    public void refuse(Map<String, String> reasonsBySensor) {
        for (int b = 0; b < batches.size(); b++) {
            ReadingBatch kept = new ReadingBatch();
            ReadingBatch batch = batches.get(b);
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.sensorIds().get(batch.sensorOf(i));
                if (reasonsBySensor.containsKey(id)) {
                    refused++;
                } else {
                    kept.add(id, batch.micros(i), batch.value(i));
                }
            }
            batches.set(b, kept);
        }
        batches.removeIf(batch -> batch.size() == 0);
        reasonsBySensor.forEach((id, reason) -> {
            Written series = written.remove(id);
            if (refusals.size() < NAMED_REFUSALS) {
                refusals.add(new Refusal(0, SeriesNames.describe(series.series(), series.field()).name(), reason));
            }
        });
    }

    public List<ReadingBatch> batches() {
        return batches;
    }

    /** Every series written, by sensor id. */
    public Map<String, Written> written() {
        return written;
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** How many lines failed to parse, and readings of series that cannot be sensors were dropped. */
    public int refused() {
        return refused;
    }
}
