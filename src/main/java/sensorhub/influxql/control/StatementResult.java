package sensorhub.influxql.control;

import java.util.List;

/** A statement's answer: its series (perhaps none), or its error in InfluxDB's words. */
public record StatementResult(int statementId, List<ResultSeries> series, String error) {

    public static StatementResult of(int statementId, List<ResultSeries> series) {
        return new StatementResult(statementId, series, null);
    }

    public static StatementResult failed(int statementId, String error) {
        return new StatementResult(statementId, List.of(), error);
    }
}
