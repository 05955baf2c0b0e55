package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadRecordsTest {
  @Test
  void skipCountsByReasonAndMerges() {
    BadRecords left = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(left.acceptOrder(0, 5, -1, 10)).isFalse();
    assertThat(left.acceptOrder(1, -5, 1, 10)).isFalse();
    assertThat(left.acceptOrder(2, 11, 1, 10)).isFalse();
    assertThat(left.acceptOrder(3, 10, 0, 10)).isTrue();
    assertThat(left.acceptTime(4, 10, 10)).as("a time at asOf counts").isTrue();
    assertThat(left.acceptTime(5, 11, 10)).isFalse();
    BadRecords right = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    right.report(0, BadRecordReason.NEGATIVE_AMOUNT, "x");
    left.merge(right);
    Diagnostics diagnostics = left.diagnostics();
    assertThat(diagnostics.skipped())
        .containsExactly(
            Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 2L),
            Map.entry(BadRecordReason.BEFORE_1970, 1L),
            Map.entry(BadRecordReason.AFTER_AS_OF, 2L));
    assertThat(diagnostics.totalSkipped()).isEqualTo(5);
    assertThat(diagnostics.skipped(BadRecordReason.DUPLICATE_ORDER_ID)).isZero();
  }

  @Test
  void diagnosticsAddUpByReason() {
    Diagnostics reader = new Diagnostics(Map.of(BadRecordReason.DUPLICATE_ORDER_ID, 2L));
    Diagnostics summary =
        new Diagnostics(Map.of(BadRecordReason.NEGATIVE_AMOUNT, 1L, BadRecordReason.DUPLICATE_ORDER_ID, 3L));
    assertThat(reader.plus(summary).skipped())
        .containsExactly(
            Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 1L), Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 5L));
    assertThat(Diagnostics.NONE.plus(Diagnostics.NONE)).isEqualTo(Diagnostics.NONE);
  }

  @Test
  void rejectThrowsWithIndexReasonAndDetail() {
    BadRecords reject = new BadRecords(BadRecordPolicy.REJECT);
    assertThatThrownBy(() -> reject.acceptOrder(7, 11, 1, 10))
        .isInstanceOfSatisfying(
            BadRecordException.class,
            e -> {
              assertThat(e.recordIndex()).isEqualTo(7);
              assertThat(e.reason()).isEqualTo(BadRecordReason.AFTER_AS_OF);
              assertThat(e.detail()).startsWith("occurredAt must be <= asOf");
            })
        .hasMessage(
            "record 7: AFTER_AS_OF: occurredAt must be <= asOf 1970-01-01T00:00:00.010Z, got 1970-01-01T00:00:00.011Z");
  }

  @Test
  void recordsAreNumberedInOrderAndMergedAsCounts() {
    BadRecords left = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(left.next()).isZero();
    assertThat(left.next()).isEqualTo(1);
    left.advance(3);
    assertThat(left.next()).isEqualTo(5);
    BadRecords right = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    right.advance(4);
    left.merge(right);
    assertThat(left.records()).isEqualTo(10);
    assertThat(right.records()).isEqualTo(4);
    assertThatThrownBy(() -> left.advance(-1)).hasMessage("records must be >= 0, got -1");
  }

  @Test
  void recordsAndCountsRoundTripThroughBinaryForm() {
    BadRecords tally = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    tally.report(tally.next(), BadRecordReason.DUPLICATE_ORDER_ID, "x");
    tally.advance(6);
    BinaryForm.Writer writer = BinaryForm.writer("TEST", 1);
    tally.writeWithRecordsTo(writer);
    BadRecords copy = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    BinaryForm.Reader reader = BinaryForm.reader(writer.toByteArray(), "TEST", 1);
    copy.readWithRecordsFrom(reader);
    reader.finish();
    assertThat(copy.diagnostics()).isEqualTo(tally.diagnostics());
    assertThat(copy.records()).isEqualTo(7);
  }

  @Test
  void everyReasonRoundTripsByNameAndFormsWrittenBeforeTheMalformedReasonsStillRead() {
    BadRecords all = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    for (BadRecordReason reason : BadRecordReason.values()) {
      all.report(0, reason, "x");
    }
    BinaryForm.Writer writer = BinaryForm.writer("TEST", 1);
    all.writeTo(writer);
    BadRecords copy = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    copy.readFrom(BinaryForm.reader(writer.toByteArray(), "TEST", 1));
    assertThat(copy.diagnostics()).isEqualTo(all.diagnostics());

    // The form as the eight reasons of 0.1 wrote it: a count and (name, count) pairs.
    BinaryForm.Writer old = BinaryForm.writer("TEST", 1).putInt(2)
        .putString("DUPLICATE_ORDER_ID").putLong(3).putString("MALFORMED_RECORD").putLong(1);
    BadRecords read = new BadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    read.readFrom(BinaryForm.reader(old.toByteArray(), "TEST", 1));
    assertThat(read.diagnostics().skipped()).containsExactly(
        Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 3L), Map.entry(BadRecordReason.MALFORMED_RECORD, 1L));
  }

  @Test
  void diagnosticsRejectNonPositiveCountsAndRoundTripJson() {
    assertThatThrownBy(() -> new Diagnostics(Map.of(BadRecordReason.BEFORE_1970, 0L)))
        .hasMessage("skipped.BEFORE_1970 must be > 0, got 0");
    Diagnostics diagnostics = new Diagnostics(Map.of(BadRecordReason.BEFORE_1970, 3L));
    assertThat(Json.write(diagnostics)).isEqualTo("{\"skipped\":{\"BEFORE_1970\":3}}");
    assertThat(Json.read(Json.write(diagnostics), Diagnostics.class)).isEqualTo(diagnostics);
  }
}
