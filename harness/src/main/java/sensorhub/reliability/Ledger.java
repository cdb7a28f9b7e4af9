package sensorhub.reliability;

import java.util.List;
import sensorhub.reliability.ApiTraffic.Answer;

/**
 * What became of one client's reading batches, by the answer each got: acknowledged (201), refused (a 4xx or a
 * 503: nothing stored) or in doubt (no answer, or another 5xx: stored or not). One thread writes a ledger; the
 * phase merges them when it is over.
 */
final class Ledger {

    final ReadingLog acknowledged;
    final ReadingLog inDoubt;
    final ReadingLog refused;
    /** 201 answers whose {@code inserted + unchanged} was not the batch's size. */
    private int wrongAcknowledgements;

    Ledger() {
        this(new ReadingLog(), new ReadingLog(), new ReadingLog(), 0);
    }

    private Ledger(ReadingLog acknowledged, ReadingLog inDoubt, ReadingLog refused, int wrongAcknowledgements) {
        this.acknowledged = acknowledged;
        this.inDoubt = inDoubt;
        this.refused = refused;
        this.wrongAcknowledgements = wrongAcknowledgements;
    }

    /** Files a batch's readings under what the answer says became of them. */
    void settle(Batch batch, Answer answer) {
        if (answer.status() == 201) {
            acknowledged.add(batch);
            var counts = answer.object();
            if (counts.getInt("inserted", -1) + counts.getInt("unchanged", -1) != batch.size()) {
                wrongAcknowledgements++;
            }
        } else if (answer.status() == 503 || (answer.status() >= 400 && answer.status() < 500)) {
            refused.add(batch);
        } else {
            inDoubt.add(batch);
        }
    }

    int wrongAcknowledgements() {
        return wrongAcknowledgements;
    }

    static Ledger merged(List<Ledger> ledgers) {
        return new Ledger(ReadingLog.merged(ledgers.stream().map(l -> l.acknowledged).toList()),
                ReadingLog.merged(ledgers.stream().map(l -> l.inDoubt).toList()),
                ReadingLog.merged(ledgers.stream().map(l -> l.refused).toList()),
                ledgers.stream().mapToInt(l -> l.wrongAcknowledgements).sum());
    }
}
