package dev.userops.examples.report;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.BadRecords;
import dev.userops.retention.clv.ClvSummaryAccumulator;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.value.LtvAccumulator;
import dev.userops.retention.value.LtvSpec;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSegments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The accumulators of the report's value section: the monthly LTV triangle and the CLV summary up to
 * the last complete day. Their state is per user and per purchase period, the largest of the
 * report's, so {@link UserBaseReport#compute} feeds one copy from every part in turn instead of one
 * per part merged at the end (which needed both copies and the merge's at once). That pass screens
 * the orders again, as the parts do; its counts equal the parts' and are not shown twice. A report
 * fed order by order hands its screened, valid orders straight to {@link #addValid}.
 */
final class ValueInputs {
  private final long asOfMillis;
  private final BadRecords screen;
  private final LtvAccumulator ltv;
  /** {@code null} when no day has completed since 1970 at {@code asOf}. */
  private final ClvSummaryAccumulator clv;
  private long records;

  ValueInputs(ZoneId zone, Instant asOf, BadRecordPolicy policy) {
    this.asOfMillis = asOf.toEpochMilli();
    this.screen = new BadRecords(policy);
    this.ltv = LtvSpec.of(zone, asOf, Granularity.MONTH, ValueFigures.MONTHS).withBadRecords(policy).newAccumulator();
    LocalDate lastCompleteDay = UserBaseReport.lastCompleteDay(CalendarIndex.of(zone), asOfMillis);
    this.clv = lastCompleteDay.isBefore(LocalDate.EPOCH)
        ? null
        : ClvSummarySpec.of(zone, lastCompleteDay).withBadRecords(policy).newAccumulator();
  }

  /** One order record, screened as {@link UserBaseReport#addOrder(long, long, long, OrderStatus)} does. */
  void addOrder(long userId, long millis, long amountMinor, OrderStatus status) {
    if (screen.acceptOrder(records++, millis, amountMinor, asOfMillis) && status.isValidOrder()) {
      addValid(userId, millis, amountMinor);
    }
  }

  /** One order that has passed the report's screen and is valid. */
  void addValid(long userId, long millis, long amountMinor) {
    ltv.add(userId, millis, amountMinor);
    if (clv != null) {
      clv.add(userId, millis, amountMinor);
    }
  }

  /** Adds what {@code other} has seen, as if its records had been added here. */
  void merge(ValueInputs other) {
    screen.merge(other.screen);
    records += other.records;
    ltv.merge(other.ltv);
    if (clv != null) {
      clv.merge(other.clv);
    }
  }

  /** The value section, with the segments of the same buyers. */
  ValueFigures figures(RfmFeatures features, RfmSegments segments) {
    return ValueFigures.compute(ltv.result(), clv == null ? null : clv.result(), features, segments);
  }
}
