package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.RefundTreatment;
import dev.userops.retention.testing.DisjointUsers;
import dev.userops.retention.value.LtvAccumulatorTest.Purchase;
import dev.userops.retention.value.LtvResult.Cohort;
import dev.userops.sample.SyntheticShop;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LtvResultTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant AS_OF = Instant.parse("2026-04-15T00:00:00Z");
  private static final LtvSpec MONTHLY =
      LtvSpec.of(UTC, AS_OF, Granularity.MONTH, 3).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' triangles is one pass. */
  @Property(tries = 100)
  void trianglesOfDisjointUsersAddUpToOnePass(@ForAll @IntRange(min = 0, max = 150) int count, @ForAll long seed) {
    Random random = new Random(seed);
    List<LtvSpec> specs = List.of(
        MONTHLY,
        MONTHLY.withFrom(LocalDate.of(2026, 2, 1)),
        new LtvSpec(ZoneId.of("Asia/Shanghai"), AS_OF, Granularity.DAY, 20, null, null, RefundTreatment.GROSS,
            BadRecordPolicy.SKIP_AND_COUNT),
        new LtvSpec(UTC, AS_OF, Granularity.WEEK, 0, null, DayOfWeek.SUNDAY, null, BadRecordPolicy.SKIP_AND_COUNT));

    DisjointUsers.assertPartsAddUp(specs.get(random.nextInt(specs.size())),
        LtvAccumulatorTest.randomPurchases(seed, count), p -> p.order().userId(),
        (LtvAccumulator acc, Purchase p) -> acc.add(p.order(), p.attribute()), LtvResult::plus, 1 + random.nextInt(4));
  }

  @Test
  void syntheticShopByAcquisitionChannelAddsUpToOnePass() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(300, 7));
    Map<Long, String> channels = new HashMap<>();
    shop.users().forEach(u -> channels.put(u.userId(), u.acquisitionChannel().name()));
    List<Purchase> purchases = new ArrayList<>();
    for (Order order : shop.orders()) {
      purchases.add(new Purchase(order, channels.get(order.userId())));
    }
    // Orders after asOf are bad records.
    LtvSpec spec = LtvSpec.of(ZoneId.of("Asia/Shanghai"), Instant.parse("2025-03-01T00:00:00Z"), Granularity.MONTH, 6)
        .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);

    LtvResult sum = DisjointUsers.assertPartsAddUp(spec, purchases, p -> p.order().userId(),
        (LtvAccumulator acc, Purchase p) -> acc.add(p.order(), p.attribute()), LtvResult::plus, 3);

    assertThat(sum.byAttribute()).hasSize(5);
    assertThat(sum.diagnostics().skipped(BadRecordReason.AFTER_AS_OF)).isPositive();
  }

  @Test
  void usersWithoutAttributeSplitOnceSomeUserHasOne() {
    LtvResult none = MONTHLY.newAccumulator().add(1, millis("2026-01-10T00:00:00Z"), 100).result();
    LtvResult ads = MONTHLY.newAccumulator().add(2, millis("2026-01-20T00:00:00Z"), 50, "ads")
        .add(2, millis("2026-02-20T00:00:00Z"), 25).add(2, millis("1969-02-20T00:00:00Z"), 25).result();

    LtvResult sum = none.plus(ads);

    assertThat(none.byAttribute()).isEmpty();
    assertThat(sum.all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 2, Arrays.asList(150L, 175L, 175L, null)));
    assertThat(sum.all().mean().users()).containsExactly(2L, 2L, 2L, 0L);
    assertThat(sum.byAttribute()).extracting(LtvResult.Split::attribute).containsExactly(null, "ads");
    assertThat(sum.byAttribute().get(0).triangle()).isEqualTo(none.all());
    assertThat(sum.diagnostics().skipped(BadRecordReason.BEFORE_1970)).isEqualTo(1);
    assertThat(ads.plus(none)).isEqualTo(sum);
    assertThat(none.plus(MONTHLY.newAccumulator().result())).isEqualTo(none);
  }

  @Test
  void refusesTrianglesOfDifferentSpecs() {
    LtvResult three = MONTHLY.newAccumulator().add(1, millis("2026-01-10T00:00:00Z"), 100).result();
    LtvResult two = LtvSpec.of(UTC, AS_OF, Granularity.MONTH, 2).newAccumulator()
        .add(2, millis("2026-01-10T00:00:00Z"), 100).result();
    LtvResult earlierAsOf = LtvSpec.of(UTC, Instant.parse("2026-03-15T00:00:00Z"), Granularity.MONTH, 3)
        .newAccumulator().add(2, millis("2026-01-10T00:00:00Z"), 100).result();

    assertThatThrownBy(() -> three.plus(two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
    assertThatThrownBy(() -> three.plus(earlierAsOf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different specs");
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
