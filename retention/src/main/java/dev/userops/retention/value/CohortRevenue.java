package dev.userops.retention.value;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.internal.BadRecords;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.IdTable;
import java.util.Arrays;

/**
 * Per user: the first valid order (its time and attribute) and the net revenue of each period from
 * the first order's period to {@code intervals} periods after it. The state both value accumulators
 * keep, exact under merge whatever the order of adds: a user's cohort is only known once their
 * earliest order is, so revenue is kept per period until then and re-based when an earlier first
 * order arrives.
 *
 * <p>Revenue per user is a chain of entries (period, amount) in one arena, newest period first, so
 * that time-ordered input appends at the head. Entries exist only for periods with revenue within
 * the horizon: an order more than {@code intervals} periods after the user's first order stays so
 * when an earlier first order arrives, and a user whose first order precedes the first reported
 * cohort ({@code fromPeriod}) stays so, so both are dropped on arrival; a first order that moves
 * earlier drops the entries it pushes beyond the horizon. So a user holds at most {@code intervals
 * + 1} entries (one more where a later order can fall on the day before the first's: see {@link
 * #addRevenueTo}).
 *
 * <p>Per user also the earliest sign-up (its time and attribute), for acquisition economics; its
 * arrays stay empty while no sign-up is added. And it screens what the accumulators add, counting
 * the records for the spec's {@link dev.userops.core.BadRecordPolicy}, orders and sign-ups alike,
 * numbered from 0 in the order they arrive.
 *
 * <p>Memory: 16 bytes per dense user id (first order millis; attribute, chain head and the head's
 * period), 16 per entry (period and next; amount) and, with sign-ups, 12 per user id (sign-up
 * millis, attribute), in arrays grown by half. A user's two words lie side by side, as do an
 * entry's, and the user's words tell whether an order falls in a period newer than the head's: so
 * an order of a user in random order costs one cache miss for the user, and one more only if it
 * adds to an existing entry.
 */
final class CohortRevenue {
  /** First-order millis of a user without valid orders. */
  static final long NONE = Long.MAX_VALUE;

  /** The attribute id of "no attribute" ({@code null}). */
  static final int NO_ATTRIBUTE = -1;

  /** Most distinct attributes: each is a row of every cohort in the result; ids fit 16 bits. */
  static final int MAX_ATTRIBUTES = 10_000;

  /** Largest user id: two longs per user must fit in one array. */
  static final int MAX_USER_ID = (Integer.MAX_VALUE - 8) / 2 - 1;

  /** Most entries: two longs each in one array. */
  private static final int MAX_ENTRIES = (Integer.MAX_VALUE - 8) / 2;

  /** A cohort before every reported one. */
  static final long NOT_REPORTED = Long.MIN_VALUE;

  private static final int END = -1;

  private final CalendarIndex calendar;
  private final Granularity granularity;
  private final long fromPeriod;
  private final int intervals;
  private final long asOfMillis;
  private final RefundTreatment refunds;
  private final BadRecords badRecords;
  private final IdTable attributes = new IdTable();
  private long records;
  private long orders;

  /**
   * Per user two words: first order millis ({@link #NONE} if none); then the attribute id (16 bits,
   * signed), the low 16 bits of the head entry's period and the head entry ({@link #END} if none).
   * Periods of a user's entries and orders within the horizon differ by at most {@code intervals},
   * so 16 bits of the head's period order them against it exactly.
   */
  private long[] users = new long[0];

  private long[] signupMillis = new long[0];
  private int[] signupAttribute = new int[0];

  /** Per entry two words: period and next entry ({@link #END} if none); amount. */
  private long[] entries = new long[0];

  /** Entries ever allocated; those freed are chained from {@link #free}. */
  private int allocated;

  private int free = END;

  CohortRevenue(LtvSpec spec) {
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.granularity = spec.granularity();
    this.fromPeriod = spec.from() == null ? NOT_REPORTED : calendar.indexOf(granularity, spec.from());
    this.intervals = spec.intervals();
    this.asOfMillis = spec.asOf().toEpochMilli();
    this.refunds = spec.refunds();
    this.badRecords = new BadRecords(spec.badRecords());
  }

  CalendarIndex calendar() {
    return calendar;
  }

  long asOfMillis() {
    return asOfMillis;
  }

  /** Valid orders added, whether or not their revenue falls in a reported cell. */
  long orders() {
    return orders;
  }

  Diagnostics diagnostics() {
    return badRecords.diagnostics();
  }

  /** Adds an order record: screened, then counted at its full amount if the treatment counts it. */
  void add(Order order, String attributeName) {
    long recordIndex = records++;
    if (badRecords.acceptOrder(recordIndex, order.occurredAtMillis(), order.amountMinor(), asOfMillis)
        && refunds.counts(order.status())) {
      addValid(order.userId(), order.occurredAtMillis(), order.amountMinor(), attributeName);
    }
  }

  /** Adds a record of a valid order, screened here. */
  void add(long userId, long epochMillis, long amountMinor, String attributeName) {
    long recordIndex = records++;
    if (badRecords.acceptOrder(recordIndex, epochMillis, amountMinor, asOfMillis)) {
      addValid(userId, epochMillis, amountMinor, attributeName);
    }
  }

  /** Adds a sign-up record, screened here; only a user's earliest sign-up is kept. */
  void addSignup(long userId, long epochMillis, String attributeName) {
    if (badRecords.acceptTime(records++, epochMillis, asOfMillis)) {
      signUp(user(userId), epochMillis, attributeId(attributeName));
    }
  }

  private void signUp(int user, long epochMillis, int attributeId) {
    if (user >= signupMillis.length) {
      int old = signupMillis.length;
      int length = grownLength(old, user + 1, MAX_USER_ID + 1);
      signupMillis = Arrays.copyOf(signupMillis, length);
      signupAttribute = Arrays.copyOf(signupAttribute, length);
      Arrays.fill(signupMillis, old, length, NONE);
    }
    long held = signupMillis[user];
    if (held == NONE || precedes(epochMillis, attributeId, held, signupAttribute[user])) {
      signupMillis[user] = epochMillis;
      signupAttribute[user] = attributeId;
    }
  }

  private static int user(long userId) {
    return (int) Checks.requireInRange(userId, 0, MAX_USER_ID, "userId");
  }

  private void addValid(long userId, long epochMillis, long amountMinor, String attributeName) {
    int user = user(userId);
    ensureUser(user);
    long first = users[2 * user];
    // The attribute is looked up only when the order may be the user's first: once per user.
    int attributeId = epochMillis <= first ? attributeId(attributeName) : NO_ATTRIBUTE;
    boolean isFirst = first == NONE || precedes(epochMillis, attributeId, first, attribute(user));
    long p = period(epochMillis);
    // Insert before re-basing: an overflow in insert then leaves the user as they were.
    if (amountMinor != 0 && isTracked(p, isFirst ? p : period(first))) {
      if (isFirst) {
        insert(user, END, (int) p, amountMinor);
      } else {
        insertWithinHorizon(user, (int) p, amountMinor);
      }
    }
    if (isFirst) {
      setFirst(user, epochMillis, attributeId);
    }
    orders++;
  }

  /** The id of {@code name}, added if new; {@link #NO_ATTRIBUTE} for {@code null}. */
  int attributeId(String name) {
    if (name == null) {
      return NO_ATTRIBUTE;
    }
    int id = attributes.find(name);
    if (id < 0) {
      Checks.checkArgument(
          attributes.size() < MAX_ATTRIBUTES,
          "at most %s distinct attributes are kept, got a new one: \"%s\"",
          MAX_ATTRIBUTES,
          name);
      id = attributes.indexOf(name);
    }
    return id;
  }

  /** The name of attribute {@code id}, {@code null} for {@link #NO_ATTRIBUTE}. */
  String attributeName(int id) {
    return id == NO_ATTRIBUTE ? null : attributes.get(id);
  }

  /**
   * Whether an event at {@code millis} with attribute {@code a} comes before one at {@code
   * otherMillis} with {@code b}: by time, then by attribute name with none first, so that which of
   * two simultaneous first orders names the user's attribute does not depend on add order.
   */
  boolean precedes(long millis, int a, long otherMillis, int b) {
    return millis != otherMillis ? millis < otherMillis : compareAttributes(a, b) < 0;
  }

  /** Attribute ids in the order of their names, {@link #NO_ATTRIBUTE} first. */
  int compareAttributes(int a, int b) {
    if (a == b || a == NO_ATTRIBUTE || b == NO_ATTRIBUTE) {
      return Integer.compare(a, b);
    }
    return attributes.get(a).compareTo(attributes.get(b));
  }

  /** Distinct attributes seen, ids {@code [0, attributeCount())}. */
  int attributeCount() {
    return attributes.size();
  }

  /** Users {@code [0, capacity())} may hold state. */
  int capacity() {
    return Math.max(users.length / 2, signupMillis.length);
  }

  /** The user's first valid order, epoch millis, or {@link #NONE}. */
  long firstMillis(int user) {
    return user < users.length / 2 ? users[2 * user] : NONE;
  }

  /** The attribute id of the user's first valid order; the user must have one. */
  int attribute(int user) {
    return (int) (users[2 * user + 1] >> 48);
  }

  private int head(int user) {
    return (int) users[2 * user + 1];
  }

  /** The user's links word: attribute, low 16 bits of the head's period, head. */
  private static long links(int attributeId, int headPeriod, int head) {
    return (long) attributeId << 48 | (headPeriod & 0xFFFFL) << 32 | head & 0xFFFF_FFFFL;
  }

  private void setHead(int user, int head) {
    users[2 * user + 1] = links(attribute(user), head == END ? 0 : periodOf(head), head);
  }

  private int periodOf(int entry) {
    return (int) (entries[2 * entry] >> 32);
  }

  private int next(int entry) {
    return (int) entries[2 * entry];
  }

  private void setNext(int entry, int next) {
    entries[2 * entry] = entries[2 * entry] & 0xFFFF_FFFF_0000_0000L | next & 0xFFFF_FFFFL;
  }

  private long amount(int entry) {
    return entries[2 * entry + 1];
  }

  /** The user's earliest sign-up, epoch millis, or {@link #NONE}. */
  long signupMillis(int user) {
    return user < signupMillis.length ? signupMillis[user] : NONE;
  }

  /** The attribute id of the user's earliest sign-up; the user must have one. */
  int signupAttribute(int user) {
    return signupAttribute[user];
  }

  long period(long epochMillis) {
    return calendar.index(granularity, epochMillis);
  }

  /** The user's cohort, the period of their first valid order; {@link #NOT_REPORTED} if none. */
  long cohort(int user) {
    return reported(firstMillis(user));
  }

  /** The period of the user's earliest sign-up; {@link #NOT_REPORTED} if none. */
  long signupCohort(int user) {
    return reported(signupMillis(user));
  }

  /** The period of {@code epochMillis} if it is a reported cohort, else {@link #NOT_REPORTED}. */
  private long reported(long epochMillis) {
    if (epochMillis == NONE) {
      return NOT_REPORTED;
    }
    long cohort = period(epochMillis);
    return cohort >= fromPeriod ? cohort : NOT_REPORTED;
  }

  /** The earliest reported cohort of a first order or sign-up, {@link Long#MAX_VALUE} if none. */
  long firstCohort() {
    long earliest = Long.MAX_VALUE;
    for (int user = 0; user < capacity(); user++) {
      long cohort = cohort(user);
      long signup = signupCohort(user);
      earliest = cohort == NOT_REPORTED ? earliest : Math.min(earliest, cohort);
      earliest = signup == NOT_REPORTED ? earliest : Math.min(earliest, signup);
    }
    return earliest;
  }

  /** Whether revenue in period {@code p} of a user whose first order is in {@code first} counts. */
  private boolean isTracked(long p, long first) {
    return first >= fromPeriod && p - first <= intervals;
  }

  private void setFirst(int user, long epochMillis, int attributeId) {
    boolean hadFirst = users[2 * user] != NONE;
    users[2 * user] = epochMillis;
    users[2 * user + 1] = users[2 * user + 1] & 0xFFFF_FFFF_FFFFL | (long) attributeId << 48;
    if (hadFirst) {
      long first = period(epochMillis);
      long last = first < fromPeriod ? Long.MIN_VALUE : first + intervals;
      // Newest first: the entries now beyond the horizon lead the chain.
      while (head(user) != END && periodOf(head(user)) > last) {
        int e = head(user);
        setHead(user, next(e));
        setNext(e, free);
        free = e;
      }
    }
  }

  /**
   * Adds {@code amountMinor} to period {@code p}, at most {@code intervals} periods from the user's
   * first order's, as {@link #insert} does: without reading the head entry when {@code p} is newer,
   * the common case of time-ordered input.
   */
  private void insertWithinHorizon(int user, int p, long amountMinor) {
    long links = users[2 * user + 1];
    int head = (int) links;
    // Both periods lie within the horizon, so the low 16 bits of the difference are exact.
    short sinceHead = (short) (p - (int) (links >>> 32));
    if (head == END || sinceHead > 0) {
      int n = allocate();
      entries[2 * n] = (long) p << 32 | head & 0xFFFF_FFFFL;
      entries[2 * n + 1] = amountMinor;
      users[2 * user + 1] = links(attribute(user), p, n);
    } else {
      insert(user, END, p, amountMinor);
    }
  }

  /**
   * Adds {@code amountMinor} to period {@code p} of the user's chain, searching after entry {@code
   * after} ({@link #END}: from the head), which must precede {@code p}'s place.
   *
   * @return the entry now holding {@code p}, to continue a descending merge from
   */
  private int insert(int user, int after, int p, long amountMinor) {
    int previous = after;
    int e = after == END ? head(user) : next(after);
    while (e != END && periodOf(e) > p) {
      previous = e;
      e = next(e);
    }
    if (e != END && periodOf(e) == p) {
      entries[2 * e + 1] = Math.addExact(amount(e), amountMinor);
      return e;
    }
    int n = allocate();
    entries[2 * n] = (long) p << 32 | e & 0xFFFF_FFFFL;
    entries[2 * n + 1] = amountMinor;
    if (previous == END) {
      setHead(user, n);
    } else {
      setNext(previous, n);
    }
    return n;
  }

  private int allocate() {
    if (free != END) {
      int e = free;
      free = next(e);
      return e;
    }
    if (allocated == entries.length / 2) {
      entries = Arrays.copyOf(entries, 2 * grownLength(allocated, allocated + 1, MAX_ENTRIES));
    }
    return allocated++;
  }

  private void ensureUser(int user) {
    if (2 * user >= users.length) {
      int old = users.length;
      users = Arrays.copyOf(users, 2 * grownLength(old / 2, user + 1, MAX_USER_ID + 1));
      for (int i = old; i < users.length; i += 2) {
        users[i] = NONE;
        users[i + 1] = links(NO_ATTRIBUTE, 0, END);
      }
    }
  }

  /** Growth by half keeps the slack of dense ids and entries small: at most a third. */
  static int grownLength(int length, int needed, int max) {
    return (int) Math.min(max, Math.max(needed, Math.max(16L, length + (long) (length >> 1))));
  }

  /** Adds everything {@code other} holds; attribute ids are mapped by name. */
  void merge(CohortRevenue other) {
    records = Math.addExact(records, other.records);
    orders = Math.addExact(orders, other.orders);
    badRecords.merge(other.badRecords);
    int[] ids = new int[other.attributes.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = attributeId(other.attributes.get(i));
    }
    for (int user = other.users.length / 2 - 1; user >= 0; user--) {
      long theirs = other.users[2 * user];
      if (theirs == NONE) {
        continue;
      }
      ensureUser(user);
      int a = other.attribute(user) == NO_ATTRIBUTE ? NO_ATTRIBUTE : ids[other.attribute(user)];
      if (users[2 * user] == NONE || precedes(theirs, a, users[2 * user], attribute(user))) {
        setFirst(user, theirs, a);
      }
      long first = period(users[2 * user]);
      // Both chains are newest first, so each entry's place is after the previous one's.
      int after = END;
      for (int e = other.head(user); e != END; e = other.next(e)) {
        if (isTracked(other.periodOf(e), first)) {
          after = insert(user, after, other.periodOf(e), other.amount(e));
        }
      }
    }
    for (int user = other.signupMillis.length - 1; user >= 0; user--) {
      int a = other.signupAttribute[user];
      if (other.signupMillis[user] != NONE) {
        signUp(user, other.signupMillis[user], a == NO_ATTRIBUTE ? NO_ATTRIBUTE : ids[a]);
      }
    }
  }

  /**
   * Adds the user's revenue to {@code row}: the amount of period {@code p} to {@code row[offset + p
   * - firstPeriod]}, where {@code firstPeriod} is the period of the user's first order. A later
   * order can fall on the day before the first's where a zone set its clock back across midnight
   * ({@link CalendarIndex}: America/St_Johns until 2011); it counts in interval 0.
   */
  void addRevenueTo(int user, long firstPeriod, long[] row, int offset) {
    for (int e = head(user); e != END; e = next(e)) {
      int i = offset + (int) Math.max(0, periodOf(e) - firstPeriod);
      row[i] = Math.addExact(row[i], amount(e));
    }
  }

  /**
   * Writes the record and order counts, the bad-record counts, the attributes; then per user with
   * a first order: id, first order millis, attribute id, entry count and entries (period, amount),
   * newest first; then per user with a sign-up: id, sign-up millis, attribute id.
   */
  void writeTo(BinaryForm.Writer writer) {
    writer.putLong(records).putLong(orders);
    badRecords.writeTo(writer);
    writer.putInt(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      writer.putString(attributes.get(i));
    }
    int buyers = 0;
    for (int user = 0; user < users.length / 2; user++) {
      buyers += users[2 * user] != NONE ? 1 : 0;
    }
    writer.putInt(buyers);
    for (int user = 0; user < users.length / 2; user++) {
      if (users[2 * user] != NONE) {
        int chain = 0;
        for (int e = head(user); e != END; e = next(e)) {
          chain++;
        }
        writer.putInt(user).putLong(users[2 * user]).putInt(attribute(user)).putInt(chain);
        for (int e = head(user); e != END; e = next(e)) {
          writer.putInt(periodOf(e)).putLong(amount(e));
        }
      }
    }
    int signups = 0;
    for (long signup : signupMillis) {
      signups += signup != NONE ? 1 : 0;
    }
    writer.putInt(signups);
    for (int user = 0; user < signupMillis.length; user++) {
      if (signupMillis[user] != NONE) {
        writer.putInt(user).putLong(signupMillis[user]).putInt(signupAttribute[user]);
      }
    }
  }

  /**
   * Reads what {@link #writeTo} wrote into this empty state, checking every invariant an add keeps.
   */
  void readFrom(BinaryForm.Reader reader) {
    records = reader.getLong("records");
    orders = reader.getLong("orders");
    Checks.checkArgument(
        orders >= 0 && orders <= records,
        "expected 0 <= orders <= records %s, got %s",
        records,
        orders);
    badRecords.readFrom(reader);
    int count = reader.getInt("attributes", 0, MAX_ATTRIBUTES);
    for (int i = 0; i < count; i++) {
      String name = reader.getString("attribute");
      Checks.checkArgument(attributes.find(name) < 0, "attribute %s: \"%s\" repeated", i, name);
      attributes.indexOf(name);
    }
    int buyers = reader.getInt("users", 0, MAX_USER_ID + 1);
    int previous = -1;
    for (int i = 0; i < buyers; i++) {
      int user = reader.getInt("userId", previous + 1, MAX_USER_ID);
      long first = readMillis(reader, user);
      ensureUser(user);
      setFirst(user, first, reader.getInt("attribute", NO_ATTRIBUTE, count - 1));
      long firstPeriod = period(first);
      int chain = reader.getInt("entries", 0, intervals + 2);
      int last = END;
      long before = Long.MAX_VALUE;
      for (int j = 0; j < chain; j++) {
        int p = reader.getInt("period");
        long amountMinor = reader.getLong("amount");
        Checks.checkArgument(
            p < before && p >= firstPeriod - 1 && isTracked(p, firstPeriod) && amountMinor > 0,
            "user %s: expected periods descending within %s..%s from %s, amounts > 0; got %s: %s",
            user,
            firstPeriod - 1,
            firstPeriod + intervals,
            fromPeriod == Long.MIN_VALUE ? "any cohort" : "cohort " + fromPeriod,
            p,
            amountMinor);
        last = insert(user, last, p, amountMinor);
        before = p;
      }
      previous = user;
    }
    int signups = reader.getInt("signups", 0, MAX_USER_ID + 1);
    previous = -1;
    for (int i = 0; i < signups; i++) {
      int user = reader.getInt("userId", previous + 1, MAX_USER_ID);
      signUp(user, readMillis(reader, user), reader.getInt("attribute", NO_ATTRIBUTE, count - 1));
      previous = user;
    }
  }

  /** Reads a time a user's record holds, which an add screened to lie in [1970, asOf]. */
  private long readMillis(BinaryForm.Reader reader, int user) {
    long millis = reader.getLong("millis");
    Checks.checkArgument(
        millis >= 0 && millis <= asOfMillis,
        "user %s: expected a time in [0, asOf %s], got %s",
        user,
        asOfMillis,
        millis);
    return millis;
  }
}
