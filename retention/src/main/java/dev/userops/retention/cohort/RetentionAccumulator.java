package dev.userops.retention.cohort;

import dev.userops.core.Accumulator;
import dev.userops.core.WindowMode;
import dev.userops.core.event.Activity;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.AccumulatorForm;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;

/**
 * Accumulates a {@link RetentionMatrix} from events of many users in any order. Users are dense ids
 * in {@code [0, 2^31 - 1)} (map string ids with {@link dev.userops.core.UserIdDictionary}); state
 * lives in arrays indexed by them.
 *
 * <p>Memory per user, by spec:
 *
 * <ul>
 *   <li>first-time cohorts, calendar windows (the default): 12 bytes per user id up to the largest
 *       seen (the start period and a 64-bit mask of return intervals), plus 8 bytes per return
 *       event that arrives before the user's earliest start (none for time-ordered input);
 *   <li>recurring cohorts, calendar windows: {@code 8 · (⌈cohorts / 64⌉ + ⌈(cohorts + span) /
 *       64⌉) + 4} bytes per user (bitmaps of start and return periods);
 *   <li>rolling windows: 12 bytes per event that can matter (rolling intervals depend on each
 *       user's start to the millisecond, so they are computed in {@link #result()}).
 * </ul>
 *
 * <p>Measured (ScaleBenchmark, 1M users, 12M time-ordered events; heap, then {@link
 * #toByteArray()}, per user): first-time calendar cohorts 20.5 and 16.0 bytes (ON, ON_OR_AFTER and
 * brackets alike); recurring calendar cohorts 182.8 and 112.0; rolling windows 201.5 and 144.0.
 *
 * <p>Each {@code add} is one record for the spec's {@link dev.userops.core.BadRecordPolicy}, numbered
 * from 0 in the order this accumulator received them: events before 1970 or after {@code asOf} are
 * bad records. Events that neither start a cohort nor count as a return are ignored.
 */
public final class RetentionAccumulator implements Accumulator<RetentionAccumulator, RetentionMatrix> {
  /** Read by {@link RetentionSpec#accumulatorFromBytes}. */
  static final AccumulatorForm<RetentionSpec, RetentionAccumulator> FORM =
      new AccumulatorForm<>("RETM", 1, RetentionSpec::fromJson,
          RetentionAccumulator::writeFields, RetentionAccumulator::readFields);

  private final RetentionSpec spec;
  private final Frame frame;
  private final BadRecords badRecords;
  private final CohortEngine engine;

  RetentionAccumulator(RetentionSpec spec) {
    this.spec = spec;
    this.frame = new Frame(spec);
    this.badRecords = new BadRecords(spec.badRecords());
    if (spec.window() == WindowMode.ROLLING) {
      this.engine = new RollingEvents(frame, spec.cohortMode() == CohortMode.RECURRING);
    } else if (spec.cohortMode() == CohortMode.RECURRING) {
      this.engine = new RecurringCalendar(frame);
    } else {
      this.engine = new FirstTimeCalendar(frame);
    }
  }

  @Override
  public RetentionSpec spec() {
    return spec;
  }

  /**
   * Adds one activity, classified by its type with the spec's start and return events.
   *
   * @param activity the activity; its user id must be a dense id
   * @return this accumulator
   * @throws NullPointerException if {@code activity} is null
   * @throws IllegalArgumentException if the user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RetentionAccumulator add(Activity activity) {
    return add(activity.userId(), activity.occurredAt().toEpochMilli(), activity.type());
  }

  /**
   * Adds one event named {@code event}, classified with the spec's start and return events.
   *
   * @param userId a dense id in {@code [0, 2^31 - 1)}
   * @param epochMillis when it happened, epoch milliseconds
   * @param event the event name, compared exactly; an event neither starting nor returning is
   *     ignored (but still screened as a record)
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RetentionAccumulator add(long userId, long epochMillis, String event) {
    return add(userId, epochMillis, spec.startsCohort(event), spec.countsAsReturn(event));
  }

  /**
   * Adds every valid order of {@code validOrders} as an event named {@code event}: the one
   * definition of a valid order (paid, net of refunds, screened for bad records and duplicate ids),
   * so a host never re-implements the filter. Whether an order starts a cohort or counts as a
   * return follows the spec's start and return events for {@code event}, e.g. {@code "order"}; the
   * orders' bad records are in {@code validOrders.diagnostics()}, not in this accumulator's.
   *
   * @param validOrders the screened orders; its refunds are applied on the first visit
   * @param event the name the orders take, e.g. {@code "order"}
   * @return this accumulator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a user id is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RetentionAccumulator addAll(ValidOrders validOrders, String event) {
    Checks.requireNonNull(validOrders, "validOrders");
    boolean start = spec.startsCohort(Checks.requireNonNull(event, "event"));
    boolean returned = spec.countsAsReturn(event);
    validOrders.forEach((userId, epochMillis, amountMinor) -> add(userId, epochMillis, start, returned));
    return this;
  }

  /**
   * Adds one event the caller has classified (e.g. once per event name with {@link
   * RetentionSpec#startsCohort} and {@link RetentionSpec#countsAsReturn}). The hot path: no
   * allocation.
   *
   * @param userId a dense id in {@code [0, 2^31 - 1)}
   * @param epochMillis when it happened, epoch milliseconds
   * @param start whether it starts a cohort
   * @param returned whether it counts as a return; both {@code false} ignores the event
   * @return this accumulator
   * @throws IllegalArgumentException if {@code userId} is out of range
   * @throws dev.userops.core.BadRecordException for a bad record under {@code REJECT}
   */
  public RetentionAccumulator add(long userId, long epochMillis, boolean start, boolean returned) {
    Checks.requireInRange(userId, 0, Integer.MAX_VALUE - 1, "userId");
    long recordIndex = badRecords.next();
    // The time rules of orders (amount 0 passes the amount rule): one definition of a bad time.
    if (badRecords.acceptTime(recordIndex, epochMillis, frame.asOfMillis) && (start || returned)) {
      engine.add((int) userId, epochMillis, start, returned);
    }
    return this;
  }

  @Override
  public RetentionAccumulator merge(RetentionAccumulator other) {
    Accumulators.checkMergeable(this, other);
    badRecords.merge(other.badRecords);
    engine.merge(other.engine);
    return this;
  }

  @Override
  public RetentionMatrix result() {
    Tally tally = new Tally(spec, frame);
    engine.tally(tally);
    return tally.result(badRecords.diagnostics());
  }

  @Override
  public byte[] toByteArray() {
    return FORM.write(this);
  }

  private void writeFields(BinaryForm.Writer writer) {
    badRecords.writeWithRecordsTo(writer);
    engine.writeTo(writer);
  }

  private void readFields(BinaryForm.Reader reader) {
    badRecords.readWithRecordsFrom(reader);
    engine.readFrom(reader);
  }
}
