package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.retention.testing.DisjointUsers;
import dev.userops.retention.value.AcquisitionAccumulatorTest.Event;
import dev.userops.sample.SyntheticShop;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AcquisitionResultTest {
  private static final LtvSpec MONTHLY = LtvSpec.of(ZoneId.of("UTC"), Instant.parse("2026-04-15T00:00:00Z"),
      Granularity.MONTH, 3).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' results is one pass. */
  @Property(tries = 100)
  void resultsOfDisjointUsersAddUpToOnePass(@ForAll @IntRange(min = 0, max = 150) int count, @ForAll long seed) {
    Random random = new Random(seed);
    LtvSpec cohorts = random.nextBoolean() ? MONTHLY : MONTHLY.withFrom(LocalDate.of(2026, 1, 10));

    DisjointUsers.assertPartsAddUp(AcquisitionSpec.of(cohorts), AcquisitionAccumulatorTest.randomEvents(seed, count),
        Event::user, (AcquisitionAccumulator acc, Event e) -> e.addTo(acc), AcquisitionResult::plus,
        1 + random.nextInt(4));
  }

  @Test
  void syntheticShopAddsUpToOnePassAndTakesSpendOnTheSum() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(300, 11));
    Map<Long, String> channels = new HashMap<>();
    List<Event> events = new ArrayList<>();
    for (SyntheticShop.User user : shop.users()) {
      channels.put(user.userId(), user.acquisitionChannel().name());
      events.add(new Event(user.userId(), user.signedUpAt().toString(), -1, channels.get(user.userId())));
    }
    for (Order order : shop.orders()) {
      if (order.status() == OrderStatus.PAID) {
        events.add(new Event(order.userId(), order.occurredAt().toString(), order.amountMinor(),
            channels.get(order.userId())));
      }
    }
    // Sign-ups and orders after asOf are bad records.
    AcquisitionSpec spec = AcquisitionSpec.of(LtvSpec.of(ZoneId.of("Asia/Shanghai"),
        Instant.parse("2024-09-01T00:00:00Z"), Granularity.MONTH, 4).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT));

    AcquisitionResult sum = DisjointUsers.assertPartsAddUp(spec, events, Event::user,
        (AcquisitionAccumulator acc, Event e) -> e.addTo(acc), AcquisitionResult::plus, 3);

    assertThat(sum.channels()).hasSize(5);
    assertThat(sum.diagnostics().skipped(BadRecordReason.AFTER_AS_OF)).isPositive();
    List<Spend> spend = List.of(new Spend("ADS", LocalDate.of(2024, 3, 1), 100_000));
    AcquisitionResult withSpend = sum.withSpend(spend);
    assertThatThrownBy(() -> withSpend.plus(sum))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spend");
  }

  @Test
  void refusesResultsOfDifferentSpecs() {
    AcquisitionResult monthly = AcquisitionSpec.of(MONTHLY).newAccumulator().result();
    AcquisitionResult weekly = AcquisitionSpec.of(LtvSpec.of(ZoneId.of("UTC"), MONTHLY.asOf(), Granularity.WEEK, 3)
        .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT)).newAccumulator().result();

    assertThatThrownBy(() -> monthly.plus(weekly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
  }
}
