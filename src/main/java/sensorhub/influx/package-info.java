/**
 * InfluxDB's HTTP API, so that Telegraf, Node-RED, Home Assistant, the InfluxDB client libraries and Grafana's
 * InfluxDB data source work against the service unchanged (docs/influxdb.md): line protocol written through
 * {@code /write} and {@code /api/v2/write}, a third door onto the one ingest path, each series a sensor by one rule;
 * InfluxQL answered at {@code /query} from the catalog of databases and series and the block store.
 */
package sensorhub.influx;
