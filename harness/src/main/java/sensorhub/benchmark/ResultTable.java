package sensorhub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run found, as Markdown: a few lines about the setting, the service beside plain JDBC, the service beside
 * its peers, further tables (Grafana's panel, percentiles over ranges), and notes below them.
 */
final class ResultTable {

    private final List<String> preamble = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> peers = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void line(String text) {
        preamble.add(text);
    }

    /**
     * @param measure what was measured
     * @param result what the service did
     * @param jdbc what plain JDBC did on the same data in the same run, or empty
     * @param ratio the service's result over JDBC's, or empty
     * @param target the target, or empty
     */
    void row(String measure, String result, String jdbc, String ratio, String target) {
        rows.add(String.join(" | ", "| " + measure, result, jdbc, ratio, target + " |"));
    }

    /** The peers table (PeerTable), printed below the JDBC table. */
    void peers(List<String> lines) {
        peers.clear();
        peers.addAll(lines);
    }

    /** A table of its own (a heading, rows, a line below), printed after the peers table. */
    void section(List<String> lines) {
        sections.add("");
        sections.addAll(lines);
    }

    void note(String text) {
        notes.add("- " + text);
    }

    String markdown() {
        List<String> lines = new ArrayList<>(preamble);
        lines.add("");
        lines.add("| measure | service | plain JDBC, same run | ratio | target |");
        lines.add("| --- | --- | --- | --- | --- |");
        lines.addAll(rows);
        if (!peers.isEmpty()) {
            lines.add("");
            lines.addAll(peers);
        }
        lines.addAll(sections);
        if (!notes.isEmpty()) {
            lines.add("");
            lines.addAll(notes);
        }
        return String.join("\n", lines) + "\n";
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }
}
