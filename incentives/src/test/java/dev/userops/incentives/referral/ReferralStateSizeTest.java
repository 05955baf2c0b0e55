package dev.userops.incentives.referral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Granularity;
import dev.userops.core.testing.StateSize;
import dev.userops.incentives.Cap;
import dev.userops.incentives.referral.ReferralEvent.Attribution;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.referral.ReferralEvent.Invite;
import dev.userops.incentives.referral.ReferralEvent.Payment;
import dev.userops.incentives.referral.ReferralProgram.Reward;
import dev.userops.incentives.referral.ReferralState.Member;
import dev.userops.incentives.referral.ReferralState.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Memory of referral state: a graph grows by a constant per invitee, and an inviter's own row does
 * not grow with invitees at all (the caps bound its recent rewards).
 */
class ReferralStateSizeTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final ReferralPolicy POLICY = ReferralProgram.of("size", ZoneId.of("Asia/Shanghai"),
      Reward.points(500), Reward.coupon("WELCOME10")).withReviewDays(7)
      .withInviterLimits(List.of(Cap.calendar(10, Granularity.WEEK)), null).policy();

  /**
   * The rows of one inviter (user 0, last) and {@code invitees} rewarded invitees (the inviter's
   * part withheld beyond 10 a week), one a minute, as a host replays them.
   */
  static List<Member> rows(int invitees) {
    ReferralState inviter = POLICY.apply(POLICY.newState(), new Invite(0, "INV-0", T0, List.of("device:0"))).state();
    List<Member> rows = new ArrayList<>(invitees + 1);
    for (int i = 1; i <= invitees; i++) {
      Instant at = T0.plusSeconds(60L * i);
      ReferralState slice = inviter;
      slice = POLICY.apply(slice, new Attribution(i, "INV-0", at, List.of("device:" + i))).state();
      slice = POLICY.apply(slice, Payment.first(i, "order-" + i, at, 9_900)).state();
      slice = POLICY.apply(slice, new Evaluation(POLICY.reviewEnd(at))).state();
      rows.add(slice.member(i));
      inviter = ReferralState.of(List.of(slice.member(0)));
    }
    rows.add(inviter.member(0));
    return rows;
  }

  @Test
  void aGraphGrowsByAConstantPerInviteeAndTheInvitersRowNotAtAll() {
    Map<Integer, List<Member>> filled = new HashMap<>();
    // Measured: 212 heap bytes and 455 JSON bytes per invitee (benchmarks/README.md).
    StateSize.assertHeapLinear(n -> ReferralState.of(filled.computeIfAbsent(n, ReferralStateSizeTest::rows)), "invitees",
        300, 4_000);
    for (int invitees : StateSize.USERS) {
      List<Member> rows = filled.get(invitees);
      Member inviter = rows.get(rows.size() - 1);
      assertThat(rows.get(0).referral().status()).isEqualTo(Status.REWARDED);
      assertThat(inviter.rewardMillis()).as("rewards of the last 8 days, at most 10 a week").hasSizeLessThanOrEqualTo(20);
      assertThat(StateSize.totalHeapBytes(inviter)).as("inviter's heap at %s invitees", invitees).isLessThan(2_500);
      assertThat(inviter.toJson().length()).as("inviter's row at %s invitees", invitees).isLessThan(600);
      long json = rows.stream().limit(invitees).mapToLong(m -> m.toJson().length()).sum();
      assertThat(json / invitees).as("JSON bytes per invitee row").isLessThan(500);
    }
  }
}
