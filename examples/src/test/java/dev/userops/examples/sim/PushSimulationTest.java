package dev.userops.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Granularity;
import dev.userops.core.event.Activity;
import dev.userops.examples.sim.PushSimulation.Row;
import dev.userops.examples.sim.PushSimulation.PlannedMessage;
import dev.userops.examples.sim.PushSimulation.Report;
import dev.userops.incentives.Cap;
import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Message;
import dev.userops.incentives.push.PushPolicy;
import dev.userops.incentives.push.PushProgram;
import dev.userops.incentives.push.PushState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushSimulationTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void countsSentDeferredAndDroppedByReasonPerDayAndChannel() {
    PushProgram program = new PushProgram(1, List.of(new PushProgram.Channel("push", null)),
        List.of(new PushProgram.MessageClass("flash", 20, null, null)),
        List.of(PushProgram.ChannelCap.of("push", Cap.calendar(1, Granularity.DAY))),
        new PushProgram.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), null, null, null, null);
    PushPolicy policy = program.policy();
    PushState yes = policy.withConsent(policy.newState(UTC), "push", true);
    Map<Long, PushState> states = Map.of(1L, yes, 2L, policy.newState(UTC));
    Message marketing = Message.of("push", "marketing");
    List<PlannedMessage> plan = List.of(
        new PlannedMessage("all", marketing, Instant.parse("2026-03-01T10:00:00Z")),
        new PlannedMessage("all", marketing, Instant.parse("2026-03-01T23:00:00Z")), // deferred to 08:01
        new PlannedMessage("consenting", marketing, Instant.parse("2026-03-03T12:00:00Z")),
        new PlannedMessage("consenting", Message.of("push", "flash"), Instant.parse("2026-03-03T12:00:00Z")));
    List<Activity> activity = List.of(new Activity(1, Instant.parse("2026-03-01T09:00:00Z"), "launch"));

    Report report = PushSimulation.run(
        policy, states, activity, Map.of("all", List.of(1L, 2L), "consenting", List.of(1L)), plan, UTC);

    assertThat(report.rows()).containsExactly(
        new Row(LocalDate.parse("2026-03-01"), "push", 1, 1, Map.of(Reason.NO_CONSENT, 2L)),
        new Row(LocalDate.parse("2026-03-02"), "push", 1, 0, Map.of()),
        // The higher-priority flash sale goes first and takes the day's only slot.
        new Row(LocalDate.parse("2026-03-03"), "push", 1, 0, Map.of(Reason.CAP_CHANNEL, 1L)));
    // A daily cap keeps deliveries for 25 h plus 2 days of zone-change slack.
    assertThat(report.finalStates().get(1L).retainedDeliveries()).isEqualTo(3);
    // The one activity was on Sunday 09:00: the next Sunday 09:00.
    assertThat(policy.proposeSendTime(report.finalStates().get(1L), Instant.parse("2026-03-04T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));
  }

  @Test
  void unknownSegmentsAreNamed() {
    PushPolicy policy = PushProgram.of(List.of("push"), List.of()).policy();
    List<PlannedMessage> plan = List.of(new PlannedMessage("vip", Message.of("push", "marketing"), Instant.EPOCH));
    assertThatThrownBy(() -> PushSimulation.run(policy, Map.of(), List.of(), Map.of("all", List.of()), plan, UTC))
        .hasMessage("plan[0].segment: unknown segment \"vip\" (known: [all])");
  }
}
