/**
 * Who may call the API: API keys kept in the database as hashes, each with its permissions (read, write,
 * delete, admin), the request filter that checks them on every {@code /api} call, and the key management
 * resource. The operator's first admin key comes from configuration ({@code sensors.admin-key}).
 */
package sensorhub.access;
