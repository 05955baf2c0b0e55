package dev.userops.incentives.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Accumulator;
import dev.userops.core.Granularity;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.core.testing.StateSize;
import dev.userops.incentives.membership.MembershipResult.Cohort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The population figures: a worked example, the accumulator laws, memory per member and a 1M-member run. */
class MembershipAccumulatorTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final MembershipSpec SPEC =
      MembershipSpec.of(ZONE, Instant.parse("2026-06-30T16:00:00Z"), Granularity.MONTH, 6);

  /** One period of one member. */
  private record Paid(int user, long paidAt, long start, long end, long amount) {}

  private static long at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant().toEpochMilli();
  }

  @Test
  void activeMembersRenewalsAndRevenueOfAWorkedExample() {
    MembershipAccumulator acc = SPEC.newAccumulator();
    // User 0: January and February (renewed once), then lapses at 1 March.
    acc.add(0, at("2026-01-10T12:00"), at("2026-01-10T12:00"), at("2026-02-10T12:00"), 100);
    acc.add(0, at("2026-02-09T12:00"), at("2026-02-10T12:00"), at("2026-03-10T12:00"), 3100);
    // User 1: a quarter from 31 January; refunded before it began is an empty period worth 0.
    acc.add(1, at("2026-01-31T08:00"), at("2026-01-31T08:00"), at("2026-04-30T08:00"), 8400);
    acc.add(1, at("2026-02-01T08:00"), at("2026-04-30T08:00"), at("2026-04-30T08:00"), 0);
    // User 2: paid after asOf: ignored.
    acc.add(2, at("2026-07-02T08:00"), at("2026-07-02T08:00"), at("2026-08-02T08:00"), 3100);
    MembershipResult result = acc.result();
    assertThat(result.members()).isEqualTo(2);
    assertThat(result.ignoredAfterAsOf()).isEqualTo(1);
    assertThat(result.revenueMinor()).isEqualTo(11_600);
    assertThat(result.revenuePerMember()).isEqualTo(5_800.0);
    assertThat(active(result, "2026-01-09")).isNull();
    assertThat(active(result, "2026-01-10")).isEqualTo(1);
    assertThat(active(result, "2026-02-10")).isEqualTo(2);
    assertThat(active(result, "2026-03-10")).isEqualTo(2);
    assertThat(active(result, "2026-03-11")).isEqualTo(1);
    assertThat(active(result, "2026-04-30")).isEqualTo(1);
    assertThat(active(result, "2026-05-01")).isZero();
    assertThat(result.activeByDay().get(result.activeByDay().size() - 1).date()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(result.cohorts()).singleElement().satisfies(cohort -> {
      assertThat(cohort.start()).isEqualTo(LocalDate.of(2026, 1, 1));
      assertThat(cohort.members()).isEqualTo(2);
      assertThat(cohort.activeMembers()).containsExactly(2L, 2L, 2L, 1L, 0L, 0L, null);
      assertThat(cohort.renewalsDue()).containsExactly(0L, 1L, 1L, 1L, 0L, 0L, null);
      assertThat(cohort.renewals()).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, null);
      assertThat(cohort.renewalRate()).containsExactly(null, 1.0, 0.0, 0.0, null, null, null);
      assertThat(cohort.churnRate()).containsExactly(null, 0.0, 1.0, 1.0, null, null, null);
      assertThat(cohort.revenueMinor()).containsExactly(8500L, 11_600L, 11_600L, 11_600L, 11_600L, 11_600L, null);
    });
    assertThat(result.renewalRate()).isEqualTo(1 / 3.0);
  }

  private static Long active(MembershipResult result, String date) {
    return result.activeByDay().stream().filter(d -> d.date().equals(LocalDate.parse(date)))
        .map(MembershipResult.Day::activeMembers).findFirst().orElse(null);
  }

  @Test
  void graceDaysKeepRenewalCellsImmatureLonger() {
    MembershipSpec spec = SPEC.withGraceDays(7);
    MembershipAccumulator acc = spec.newAccumulator();
    acc.add(0, at("2026-05-10T12:00"), at("2026-05-10T12:00"), at("2026-06-10T12:00"), 100);
    Cohort cohort = acc.result().cohorts().get(0);
    assertThat(cohort.activeMembers()).containsExactly(1L, 1L, null, null, null, null, null);
    assertThat(cohort.renewalsDue()).containsExactly(0L, null, null, null, null, null, null);
    assertThat(MembershipSpec.fromJson(spec.toJson())).isEqualTo(spec);
  }

  @Test
  void theStatesOfPoliciesFeedItAndItsBytesDescribeThemselves() {
    MembershipPolicy policy = MembershipPolicyTest.POLICY;
    MembershipState state = policy.apply(policy.newState(), new MembershipEvent.Purchase("e",
        Instant.parse("2026-01-31T02:00:00Z"), ZONE, "monthly", "p")).state();
    MembershipResult viaStates = List.of(new MembershipAccumulator.Member(3, state)).stream().collect(SPEC.collector());
    assertThat(viaStates.members()).isEqualTo(1);
    assertThat(viaStates.revenueMinor()).isEqualTo(100);
    MembershipAccumulator acc = SPEC.newAccumulator().add(3, state);
    assertThat(Accumulator.fromBytes(acc.toByteArray(), MembershipAccumulator.class).result()).isEqualTo(viaStates);
  }

  @Test
  void theAccumulatorLawsHold() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Paid> input = random(new SplittableRandom(seed), 300);
      AccumulatorLaws.of(SPEC, (MembershipAccumulator acc, Paid p) -> acc.add(p.user, p.paidAt, p.start, p.end, p.amount),
          SPEC.withGraceDays(3)).check(input, seed);
    }
  }

  /** Members with chains of renewed periods from 2025-06, some lapsing, some refunded before they began. */
  private static List<Paid> random(SplittableRandom random, int users) {
    List<Paid> input = new ArrayList<>();
    long base = at("2025-06-01T00:00");
    for (int user = 0; user < users; user++) {
      long start = base + random.nextLong(400L * 86_400_000);
      int periods = 1 + random.nextInt(6);
      for (int i = 0; i < periods; i++) {
        long end = start + (28 + random.nextInt(4)) * 86_400_000L;
        boolean empty = random.nextInt(10) == 0;
        input.add(new Paid(user * 3, start - random.nextLong(86_400_000), start, empty ? start : end,
            empty ? 0 : random.nextInt(5000)));
        start = random.nextInt(5) == 0 ? end + random.nextLong(30L * 86_400_000) : end;
      }
    }
    return input;
  }

  @Test
  void memoryGrowsLinearlyWithMembers() {
    // Per member: 4 bytes of head, and per period 28 bytes grown by half (42); 2 periods each.
    StateSize.assertLinear(users -> filled(SPEC.newAccumulator(), users, 2), 4 * 1.5 + 2 * 28 * 1.5 + 8, 8 + 4 + 2 * 24, 4096);
  }

  private static MembershipAccumulator filled(MembershipAccumulator acc, int users, int periods) {
    long base = at("2025-01-01T10:00");
    for (int user = 0; user < users; user++) {
      long start = base + (user % 365) * 86_400_000L;
      for (int i = 0; i < periods; i++) {
        long end = start + 30 * 86_400_000L;
        acc.add(user, start, start, end, 1500);
        start = end;
      }
    }
    return acc;
  }

  @Test
  void aMillionMembersFitAndSumUp() {
    long began = System.nanoTime();
    MembershipAccumulator acc = filled(SPEC.newAccumulator(), 1_000_000, 4);
    long added = System.nanoTime();
    MembershipResult result = acc.result();
    long done = System.nanoTime();
    assertThat(result.members()).isEqualTo(1_000_000);
    assertThat(result.periods()).isEqualTo(4_000_000);
    assertThat(result.revenueMinor()).isEqualTo(6_000_000_000L);
    long serialized = acc.toByteArray().length;
    assertThat(serialized).isLessThan(1_000_000L * (8 + 4 + 4 * 24) + 4096);
    System.out.printf("membership accumulator, 1M members × 4 periods: add %.0f ms, result %.0f ms, %d bytes serialized%n",
        (added - began) / 1e6, (done - added) / 1e6, serialized);
    assertThat(Arrays.stream(result.cohorts().stream().mapToLong(Cohort::members).toArray()).sum()).isEqualTo(1_000_000);
  }
}
