package dev.userops.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.event.Order;
import dev.userops.core.event.Refund;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.points.PointsPolicy;
import dev.userops.incentives.points.PointsProgram;
import dev.userops.incentives.points.PointsProgram.BehaviourRule;
import dev.userops.incentives.points.PointsProgram.OrderRule;
import dev.userops.incentives.points.PointsState;
import dev.userops.sample.SyntheticShop;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsHostTest {
  private static final int THREADS = 4;
  private static final PointsPolicy POLICY = PointsProgram.of(3650, List.of(OrderRule.of("base", 1, 100)),
          List.of(BehaviourRule.of("review", "REVIEW", 10)))
      .withLockDays(7)
      .withExpiry(PointsProgram.Expiry.rollingDays(365))
      .policy(ZoneId.of("UTC"));

  private JdbcConnectionPool database;

  @BeforeEach
  void openDatabase() {
    database = JdbcConnectionPool.create("jdbc:h2:mem:points" + System.nanoTime() + ";LOCK_TIMEOUT=30000", "sa", "");
  }

  @AfterEach
  void closeDatabase() {
    database.dispose();
  }

  /** Orders (with their refunds and behaviours) of 30 synthetic users, each user's in time order. */
  private static List<Delivery> deliveries() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(30, 7));
    List<Delivery> deliveries = new ArrayList<>();
    for (Order order : shop.orders()) {
      if (order.status().isValidOrder()) {
        deliveries.add(new Delivery(order.userId(), OrderPaid.of(order, null)));
      }
    }
    for (Refund refund : shop.refunds()) {
      deliveries.add(new Delivery(refund.userId(),
          new PointsEvent.OrderRefund(refund.refundId(), refund.orderId(), refund.occurredAt(), refund.amountMinor())));
    }
    shop.behaviours().forEach(b -> deliveries.add(new Delivery(b.userId(), BehaviourDone.of(b, null))));
    deliveries.sort(Comparator.comparingLong((Delivery d) -> d.event().atMillis()));
    return deliveries;
  }

  private record Delivery(long userId, PointsEvent event) {}

  @Test
  void redeliveryTwiceAndFromSeveralThreadsNeverAwardsTwice() throws Exception {
    PointsHost host = new PointsHost(database, POLICY);
    host.createTables();
    List<Delivery> deliveries = deliveries();
    assertThat(deliveries).hasSizeGreaterThan(50);

    // Every thread delivers the whole stream in the same order, so each event's first delivery
    // still comes in stream order, whichever thread makes it; then the stream comes once more.
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      running.add(threads.submit(() -> {
        for (Delivery delivery : deliveries) {
          host.deliver(delivery.userId(), delivery.event());
        }
        return null;
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    threads.shutdown();
    for (Delivery delivery : deliveries) {
      assertThat(host.deliver(delivery.userId(), delivery.event()).applied()).isFalse();
    }

    Map<Long, PointsState> expected = new HashMap<>();
    Map<Long, Long> expectedEntries = new HashMap<>();
    for (Delivery delivery : deliveries) {
      var outcome = POLICY.apply(expected.getOrDefault(delivery.userId(), POLICY.newState()), delivery.event());
      expected.put(delivery.userId(), outcome.state());
      expectedEntries.merge(delivery.userId(), (long) outcome.entries().size(), Long::sum);
    }
    for (Map.Entry<Long, PointsState> user : expected.entrySet()) {
      PointsState stored = host.state(user.getKey());
      long[] sums = host.ledgerSums(user.getKey());
      assertThat(stored).isEqualTo(user.getValue());
      assertThat(sums).containsExactly(stored.available(), stored.pending(), expectedEntries.get(user.getKey()));
    }
  }

  @Test
  void theLedgerKeyStopsADoubleAwardEvenWhenTheStateIsLost() throws Exception {
    PointsHost host = new PointsHost(database, POLICY);
    host.createTables();
    PointsEvent order = OrderPaid.of("o-1", java.time.Instant.parse("2026-03-01T00:00:00Z"), 50_00, null);
    host.deliver(7, order);
    try (var connection = database.getConnection(); var statement = connection.createStatement()) {
      statement.execute("DELETE FROM points_state WHERE user_id = 7"); // a host bug or a restore from backup
    }

    assertThatThrownBy(() -> host.deliver(7, order)).isInstanceOf(java.sql.SQLException.class)
        .extracting(e -> ((java.sql.SQLException) e).getSQLState()).isEqualTo("23505");
    assertThat(host.ledgerSums(7)).containsExactly(0L, 50L, 1L);
    assertThat(host.state(7)).isEqualTo(POLICY.newState());
  }
}
