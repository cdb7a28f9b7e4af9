/**
 * The sensors: registering, listing (newest activation first, filtered, paged by key), replacing, patching and
 * deleting them. A sensor's readings and statistics go with it.
 */
package sensorhub.sensors;
