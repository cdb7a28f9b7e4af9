/**
 * The request edge every resource shares: typed path and query parameters read strictly in one place
 * ({@link sensorhub.web.boundary.TypedParameters}), lists paged by key with one page type and one cursor
 * ({@link sensorhub.web.boundary.Page}, {@link sensorhub.web.boundary.Cursor}), CSV answers, headers that keep
 * browsers from misreading or caching answers, and admission, which lets requests for the database wait their
 * turn and turns away, fast and with {@code Retry-After}, what no queue could serve in time.
 */
package sensorhub.web;
