/**
 * What every answer of the web application shares, whichever feature serves it: headers that keep browsers
 * from misreading or caching answers, and admission, which lets requests for the database wait their turn and
 * turns away, fast and with {@code Retry-After}, what no queue could serve in time.
 */
package sensorhub.web;
