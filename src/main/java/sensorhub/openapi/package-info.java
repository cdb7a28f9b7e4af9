/**
 * The API's contract as machines read it: the OpenAPI document served at {@code /openapi}, kept within the OpenAPI
 * 3.0 schema so that any client's validator or generator takes it.
 */
package sensorhub.openapi;
