/**
 * A hostile corpus: hundreds of malformed, oversized, forged and ambiguous requests over every route, each
 * checked for a prompt, well-formed refusal that leaves the database as it was.
 */
package sensorhub.hostile;
