package sensorhub.aggregations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sensorhub.aggregations.entity.DailyAggregation;
import sensorhub.blocks.entity.ReadingsWritten;
import sensorhub.numbers.entity.Statistics;
import sensorhub.testing.MemoryDatabase;
import sensorhub.time.control.DayWindow;

/**
 * The claim-and-forget protocol of {@link KeptAggregations} step by step, each step committed on its own as in
 * the service: statistics computed before a write of their day committed are never kept, and a day is kept once.
 */
class KeptAggregationsTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final DayWindow DAY = DayWindow.of(LocalDate.parse("2026-03-01"), UTC);
    static final DailyAggregation COMPUTED = new DailyAggregation(DAY.day(), 2, new Statistics(1, 1.25, 1.5, 1.75, 2,
            1.5));

    private MemoryDatabase database;
    private KeptAggregations kept;
    private long sensor;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = new MemoryDatabase();
        sensor = database.sensor("s1");
        kept = new KeptAggregations();
        kept.dataSource = database.dataSource();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void keepsWhatWasComputedUnderAClaim() {
        Map<LocalDate, Long> claims = kept.claim(sensor, List.of(DAY));

        kept.fill(sensor, UTC, claims, List.of(COMPUTED));

        assertEquals(Map.of(DAY.day(), COMPUTED), keptDays());
    }

    @Test
    void keepsNothingComputedBeforeAWriteOfTheDayCommitted() {
        Map<LocalDate, Long> claims = kept.claim(sensor, List.of(DAY));
        kept.forgetAfterCommit(writeInto(DAY));

        kept.fill(sensor, UTC, claims, List.of(COMPUTED));

        assertTrue(keptDays().isEmpty());
    }

    @Test
    void keepsWhatWasClaimedAfterTheWrite() {
        kept.forgetAfterCommit(writeInto(DAY));
        Map<LocalDate, Long> claims = kept.claim(sensor, List.of(DAY));

        kept.fill(sensor, UTC, claims, List.of(COMPUTED));

        assertEquals(Map.of(DAY.day(), COMPUTED), keptDays());
    }

    @Test
    void forgetsAKeptDayWhenReadingsAreWrittenIntoIt() {
        kept.fill(sensor, UTC, kept.claim(sensor, List.of(DAY)), List.of(COMPUTED));

        kept.forget(writeInto(DAY));

        assertTrue(keptDays().isEmpty());
    }

    @Test
    void aLaterClaimTakesOverAnUnfilledOneSoOnlyItsFillCounts() {
        Map<LocalDate, Long> stale = kept.claim(sensor, List.of(DAY));
        Map<LocalDate, Long> fresh = kept.claim(sensor, List.of(DAY));

        kept.fill(sensor, UTC, stale, List.of(COMPUTED));
        assertTrue(keptDays().isEmpty());
        kept.fill(sensor, UTC, fresh, List.of(COMPUTED));
        assertEquals(Map.of(DAY.day(), COMPUTED), keptDays());
    }

    @Test
    void doesNotClaimADayThatIsKeptOrLeaveOtherDaysAlone() {
        kept.fill(sensor, UTC, kept.claim(sensor, List.of(DAY)), List.of(COMPUTED));

        Map<LocalDate, Long> again = kept.claim(sensor, List.of(DAY, DAY.next()));

        assertEquals(List.of(DAY.next().day()), List.copyOf(again.keySet()));
        kept.forget(writeInto(DAY.next()));
        assertEquals(Map.of(DAY.day(), COMPUTED), keptDays());
    }

    @Test
    void claimsAYearsMissingDaysAtOnceLeavingAnotherRequestsClaimToBeTakenOver() {
        List<DayWindow> year = new java.util.ArrayList<>();
        for (DayWindow day = DAY; year.size() < 365; day = day.next()) {
            year.add(day);
        }
        kept.fill(sensor, UTC, kept.claim(sensor, List.of(DAY)), List.of(COMPUTED));
        Map<LocalDate, Long> other = kept.claim(sensor, year.subList(100, 101));

        Map<LocalDate, Long> claims = kept.claim(sensor, year.subList(1, 365));

        assertEquals(364, claims.size());
        assertEquals(1, claims.values().stream().distinct().count());
        kept.fill(sensor, UTC, other, List.of(DailyAggregation.empty(year.get(100).day())));
        kept.fill(sensor, UTC, claims, year.subList(1, 365).stream().map(d -> DailyAggregation.empty(d.day()))
                .toList());
        assertEquals(365, kept.between(sensor, UTC, DAY.day(), year.get(364).day()).size());
    }

    private ReadingsWritten writeInto(DayWindow day) {
        long middle = day.startMicros() + (day.endMicros() - day.startMicros()) / 2;
        return new ReadingsWritten(List.of(new ReadingsWritten.Span(sensor, middle, middle)));
    }

    private Map<LocalDate, DailyAggregation> keptDays() {
        return kept.between(sensor, UTC, DAY.day().minusDays(1), DAY.day().plusDays(2));
    }
}
