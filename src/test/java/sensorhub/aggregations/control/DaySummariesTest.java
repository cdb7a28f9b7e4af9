package sensorhub.aggregations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.numbers.control.Summary;
import sensorhub.testing.BlocksInMemory;
import sensorhub.time.control.DayWindow;

class DaySummariesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 23);

    @Test
    void summarisesTheGivenDaysAloneAndLeavesTheBlocksOfOthersUnread() {
        // every 10 minutes over five days of Berlin, one of them 25 hours long (the clocks go back on the 25th)
        long start = DayWindow.of(FIRST, BERLIN).startMicros();
        long end = DayWindow.of(FIRST.plusDays(5), BERLIN).startMicros();
        long[] micros = IntStream.range(0, (int) ((end - start) / 600_000_000L))
                .mapToLong(i -> start + i * 600_000_000L).toArray();
        double[] values = new Random(5).doubles(micros.length, -10, 30).toArray();
        List<DayWindow> days = List.of(DayWindow.of(FIRST, BERLIN), DayWindow.of(FIRST.plusDays(2), BERLIN),
                DayWindow.of(FIRST.plusDays(3), BERLIN));
        int to = indexOf(micros, days.get(2).endMicros());
        BlocksInMemory blocks = new BlocksInMemory(micros, values, 0, to, 30, 9);
        DaySummaries summaries = new DaySummaries(days);

        blocks.pass(summaries);

        List<DailyAggregation> found = summaries.summaries();
        for (int i = 0; i < days.size(); i++) {
            double[] day = Arrays.copyOfRange(values, indexOf(micros, days.get(i).startMicros()),
                    indexOf(micros, days.get(i).endMicros()));
            assertEquals(new DailyAggregation(days.get(i).day(), day.length, Summary.of(day)), found.get(i));
        }
        assertEquals(150, found.get(1).count(), "the 25th: 25 hours");
        assertTrue(blocks.decoded.get(0) < blocks.blocks() - 4, blocks.decoded + " of " + blocks.blocks());
    }

    @Test
    void answersADayWithoutReadingsAsEmpty() {
        List<DayWindow> days = List.of(DayWindow.of(FIRST, BERLIN), DayWindow.of(FIRST.plusDays(1), BERLIN));
        long noon = DayWindow.of(FIRST, BERLIN).startMicros() + 43_200_000_000L;
        BlocksInMemory blocks = new BlocksInMemory(new long[] {noon}, new double[] {4}, 0, 1, 1, 1);
        DaySummaries summaries = new DaySummaries(days);

        blocks.pass(summaries);

        assertEquals(List.of(new DailyAggregation(FIRST, 1, Summary.of(new double[] {4})),
                DailyAggregation.empty(FIRST.plusDays(1))), summaries.summaries());
    }

    private static int indexOf(long[] micros, long at) {
        int index = Arrays.binarySearch(micros, at);
        return index >= 0 ? index : -index - 1;
    }
}
