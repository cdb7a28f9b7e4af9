/**
 * The API's contract as machines read it: the hand-kept OpenAPI document {@code META-INF/openapi.yaml}, served at
 * {@code /openapi} by each server as it is (no annotation scanning), held to the resources by
 * {@code OpenApiRoutesTest} and to the live answers by {@code OpenApiContractIT}.
 */
package sensorhub.openapi;
