package sensorhub.testing;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says plainly, at the end of a run, which tests did not run and why (a missing browser or broker, see
 * {@link Prerequisites}): Maven's summary only counts them as skipped. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class NotRun implements TestExecutionListener {

    private final Map<String, Integer> reasons = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        reasons.merge(reason, 1, Integer::sum);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() == Status.ABORTED) {
            reasons.merge(result.getThrowable().map(Throwable::getMessage).orElse("aborted"), 1, Integer::sum);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (reasons.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("\nNOT RUN on this machine:\n");
        reasons.forEach((reason, count) -> report.append("  ").append(count).append(count == 1 ? " test: " : " tests: ")
                .append(reason).append('\n'));
        System.out.println(report);
    }
}
