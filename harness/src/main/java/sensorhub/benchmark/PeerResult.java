package sensorhub.benchmark;

/**
 * One row of the peers table: what one system did through one write path with the workload, in the same run.
 * A system's second write path (REST CSV, COPY) leaves {@code queries} and the sizes null: they are its first
 * row's.
 *
 * @param ingest the timed ingest's rounds; rates are the median round's
 * @param storeCpuSeconds CPU the storing side (server and database, or the peer's processes) used during the ingest,
 *     all rounds
 * @param storeCpuParts how that splits, e.g. "server 6.0, MariaDB 3.7", per million readings
 * @param clientCpuSeconds CPU the benchmark's clients used during the ingest
 */
record PeerResult(String system, ConcurrentBatches.Rounds ingest, double storeCpuSeconds, String storeCpuParts,
        double clientCpuSeconds, PeerQueries.Figures queries, StorageSize noisy, StorageSize regular) {

    double storeCpuPerMillion() {
        return storeCpuSeconds * 1e6 / ingest.written();
    }

    double clientCpuPerMillion() {
        return clientCpuSeconds * 1e6 / ingest.written();
    }
}
