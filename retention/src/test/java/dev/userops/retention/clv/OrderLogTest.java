package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrderLogTest {
  private record Row(int day, long amount) {}

  /**
   * Every way of grouping: one block (users below 4,096), blocks by counting sort, and blocks of
   * more than 2^16 users by comparison sort (with at most 4 blocks, users up to 2^20 make blocks of
   * 2^18); users with more than 32 rows out of day order. Rows come in any order within a user;
   * their days come sorted.
   */
  @Property(tries = 60)
  void readsEveryRowGroupedByUserWithItsDaysSorted(
      @ForAll @IntRange(min = 1, max = 3_000) int rows,
      @ForAll @IntRange(min = 0, max = 20) int userBits,
      @ForAll @IntRange(min = 2, max = 11) int maxBlockBits,
      @ForAll long seed) {
    check(rows, userBits, maxBlockBits, seed);
  }

  @Test
  void eachWayOfGroupingIsTaken() {
    check(3_000, 0, 11, 1); // one user, rows out of order
    check(3_000, 11, 11, 2); // one block
    check(3_000, 20, 11, 3); // 256 blocks of 4,096 users
    check(3_000, 20, 2, 4); // 4 blocks of 2^18 users, by comparison sort
  }

  private static void check(int rows, int userBits, int maxBlockBits, long seed) {
    Random random = new Random(seed);
    OrderLog log = new OrderLog(maxBlockBits);
    log.resize(rows);
    Map<Integer, List<Row>> expected = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      // Few distinct users, so that some have many rows.
      int user = random.nextInt(8) == 0 ? (1 << userBits) - 1 : random.nextInt(1 << userBits) & ~0x7F;
      int day = random.nextInt(400) - 1;
      long amount = random.nextLong();
      log.append(user, day, amount);
      expected.computeIfAbsent(user, u -> new ArrayList<>()).add(new Row(day, amount));
    }
    Comparator<Row> byDayThenAmount = Comparator.comparingInt(Row::day).thenComparingLong(Row::amount);
    expected.values().forEach(list -> list.sort(byDayThenAmount));

    Map<Integer, List<Row>> read = new TreeMap<>();
    log.startReading();
    int previous = -1;
    for (int user = log.nextUser(); user != Integer.MAX_VALUE; user = log.nextUser()) {
      assertThat(user).isGreaterThan(previous);
      List<Row> list = new ArrayList<>();
      List<Integer> days = new ArrayList<>();
      for (int i = log.userStart(); i < log.userEnd(); i++) {
        list.add(new Row(log.day(i), log.amount(i)));
        days.add(log.userDays()[i - log.userStart()]);
      }
      list.sort(byDayThenAmount);
      assertThat(days).isEqualTo(list.stream().map(Row::day).toList());
      read.put(user, list);
      previous = user;
    }
    assertThat(read).isEqualTo(expected);
    assertThat(log.maxUser()).isEqualTo(expected.keySet().stream().mapToInt(u -> u).max().orElseThrow());
  }
}
