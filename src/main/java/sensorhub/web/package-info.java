/**
 * What every answer of the web application shares, whichever feature serves it: headers that keep browsers
 * from misreading or caching answers; admission, which lets requests for the database wait their turn and
 * turns away, fast and with {@code Retry-After}, what no queue could serve in time; strict conversion of typed
 * path and query parameters; the server's clock; and an OpenAPI document held to the OpenAPI schema.
 */
package sensorhub.web;
