package dev.userops.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.draw.DrawEvent;
import dev.userops.incentives.draw.DrawKey;
import dev.userops.incentives.draw.DrawOutcome;
import dev.userops.incentives.draw.DrawOutcome.Award;
import dev.userops.incentives.draw.DrawPolicy;
import dev.userops.incentives.draw.DrawProgram;
import dev.userops.incentives.draw.DrawProgram.Prize;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrawHostTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  /** One phone, drawn with probability 1/2; the other half wins an unlimited voucher. */
  private static final DrawPolicy POLICY = DrawProgram.of("last-unit", 31, List.of(
          Prize.weighted("phone", 1, 1L, 399_900),
          Prize.weighted("voucher", 1, null, 1_000)))
      .withConsolation(new DrawProgram.Consolation("coupon", 100))
      .policy(ZoneId.of("UTC"), DrawKey.fromHex("8f3b2a1c0d9e7f6a5b4c3d2e1f0a9b8c"));

  private JdbcConnectionPool database;

  @BeforeEach
  void openDatabase() {
    database = JdbcConnectionPool.create("jdbc:h2:mem:draw" + System.nanoTime() + ";LOCK_TIMEOUT=30000", "sa", "");
  }

  @AfterEach
  void closeDatabase() {
    database.dispose();
  }

  /** The first {@code count} events whose draw, with everything in stock, is the phone. */
  private static List<DrawEvent> eventsDrawingThePhone(int count) {
    List<DrawEvent> events = new ArrayList<>();
    for (int i = 0; events.size() < count; i++) {
      DrawEvent event = new DrawEvent("order-" + i, AT, 5_000, Set.of());
      if ("phone".equals(POLICY.audit(event, List.of()).awarded())) {
        events.add(event);
      }
    }
    return events;
  }

  @Test
  void twoUsersDrawingTheLastUnitAtOnceGetItOnce() throws Exception {
    // Both transactions draw against a stock of one, then meet before taking it.
    CountDownLatch bothDrew = new CountDownLatch(2);
    DrawHost host = new DrawHost(database, POLICY, () -> {
      bothDrew.countDown();
      try {
        assertThat(bothDrew.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
    host.createTables();
    List<DrawEvent> events = eventsDrawingThePhone(2);

    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<DrawOutcome> first = threads.submit(() -> host.deliver(1, events.get(0)));
    Future<DrawOutcome> second = threads.submit(() -> host.deliver(2, events.get(1)));
    List<Award> awards = List.of(first.get().effects().get(0), second.get().effects().get(0));
    threads.shutdown();

    assertThat(awards).extracting(Award::prize).containsExactlyInAnyOrder("phone", "coupon");
    Award loser = awards.stream().filter(Award::consolation).findFirst().orElseThrow();
    assertThat(loser.outOfStock()).containsExactly("phone");
    // The loser's award re-derives from the stock it was drawn with; its ticket is the phone's slot.
    DrawEvent loserEvent = events.get(awards.get(0) == loser ? 0 : 1);
    assertThat(POLICY.audit(loserEvent, loser.outOfStock()).awarded()).isEqualTo("coupon");
    assertThat(POLICY.audit(loserEvent, List.of()).ticket()).isEqualTo(loser.ticket());
    assertThat(host.stock()).containsExactly(0L);
    assertThat(host.awards("phone")).isEqualTo(1);
    assertThat(host.awards("coupon")).isEqualTo(1);

    // Replays award nothing twice, whoever delivers them.
    assertThat(host.deliver(1, events.get(0)).status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(host.deliver(2, events.get(1)).status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(host.awards("phone") + host.awards("coupon")).isEqualTo(2);
  }

  @Test
  void manyUsersAndRedeliveriesFromSeveralThreadsNeverOverdrawTheStock() throws Exception {
    DrawHost host = new DrawHost(database, POLICY);
    host.createTables();
    List<DrawEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(new DrawEvent("o" + i, AT.plusSeconds(i), 5_000, Set.of()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      running.add(threads.submit(() -> {
        for (int i = 0; i < events.size(); i++) {
          host.deliver(i % 7, events.get(i));
        }
        return null;
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    threads.shutdown();

    assertThat(host.stock()).containsExactly(0L);
    assertThat(host.awards("phone")).isEqualTo(1);
    // Every event drew exactly once: a phone, a voucher or (the phone's slot once it was gone) a coupon.
    assertThat(host.awards("phone") + host.awards("voucher") + host.awards("coupon")).isEqualTo(events.size());
    long draws = 0;
    for (long user = 0; user < 7; user++) {
      draws += host.state(user).draws().size();
    }
    assertThat(draws).isEqualTo(events.size());
  }
}
