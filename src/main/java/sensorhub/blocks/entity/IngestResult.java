package sensorhub.blocks.entity;

import java.util.List;

/**
 * A stored batch: how many readings were new, how many stored already with the same value, and the spans of time
 * of the new ones.
 */
public record IngestResult(int inserted, int unchanged, List<ReadingsWritten.Span> spans) {
}
