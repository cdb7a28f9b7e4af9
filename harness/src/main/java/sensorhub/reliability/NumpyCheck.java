package sensorhub.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * The real numpy, where {@code python3} has it: {@code numpy.percentile(values, [25, 50, 75])} and
 * {@code numpy.mean} of each day, for holding the service's answers against numpy itself.
 */
final class NumpyCheck {

    private static final String SCRIPT = String.join("\n",
            "import sys, numpy",
            "for line in open(sys.argv[1]):",
            "    a = numpy.array([float(v) for v in line.split()])",
            "    q = numpy.percentile(a, [25, 50, 75])",
            "    print(repr(float(q[0])), repr(float(q[1])), repr(float(q[2])), repr(float(numpy.mean(a))))");

    private NumpyCheck() {
    }

    static boolean available() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** numpy's {q1, median, q3, mean} of each day, in order; empty if python3 failed. */
    static Optional<List<double[]>> quartilesAndMeans(List<double[]> days, Path work)
            throws IOException, InterruptedException {
        Path input = work.resolve("numpy-days.txt");
        Files.writeString(input, days.stream()
                .map(values -> DoubleStream.of(values).mapToObj(Double::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n", "", "\n")));
        Path output = work.resolve("numpy-out.txt");
        Process python = new ProcessBuilder("python3", "-c", SCRIPT, input.toString())
                .redirectError(work.resolve("numpy-err.txt").toFile()).redirectOutput(output.toFile()).start();
        if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
            python.destroyForcibly();
            return Optional.empty();
        }
        List<double[]> results = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            String[] fields = line.trim().split("\\s+");
            double[] numbers = new double[fields.length];
            for (int i = 0; i < fields.length; i++) {
                numbers[i] = Double.parseDouble(fields[i]);
            }
            results.add(numbers);
        }
        return results.size() == days.size() ? Optional.of(results) : Optional.empty();
    }
}
