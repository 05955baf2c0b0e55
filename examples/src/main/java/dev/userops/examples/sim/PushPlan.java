package dev.userops.examples.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.event.Activity;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.examples.sim.PushSimulation.PlannedMessage;
import dev.userops.incentives.push.Message;
import dev.userops.incentives.push.PushPolicy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The campaign plan of {@code userops push-sim} (JSON, read strictly):
 *
 * <pre>{@code
 * {"version": 1, "zone": "Asia/Shanghai", "start": "2024-09-02", "days": 14,
 *  "users": 300, "seed": 7,
 *  "consent": {"push": 0.8, "email": 0.5},
 *  "segments": [{"name": "engaged", "minActiveDays": 6}, {"name": "everyone", "minActiveDays": 0}],
 *  "messages": [{"segment": "everyone", "channel": "push", "class": "marketing",
 *                "campaign": "daily-deal", "time": "12:00", "everyDays": 1}]}
 * }</pre>
 *
 * @param version {@value #FORMAT_VERSION}
 * @param zone users' zone and the zone of the report's days
 * @param start first local day of the plan
 * @param days plan length in days, 1 to 366
 * @param users size of the synthetic population (ids 0 to users - 1) when no events file is given;
 *     ignored otherwise
 * @param seed seed of the synthetic population and of the consent draw
 * @param consent per channel, the share of users (0 to 1) who said yes, drawn per user from the seed;
 *     channels not listed get no answer (so opt-out channels reach everyone)
 * @param segments a user is in a segment if active on at least {@code minActiveDays} local days of
 *     the 28 before {@code start}
 * @param messages each sends to its segment at local {@code time} on day 0 of the plan ({@code
 *     firstDay}, default 0) and every {@code everyDays} (default: once) after
 */
public record PushPlan(
    int version,
    ZoneId zone,
    LocalDate start,
    int days,
    int users,
    long seed,
    Map<String, Double> consent,
    List<Segment> segments,
    List<Planned> messages) {
  static final int FORMAT_VERSION = 1;

  public PushPlan {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.checkArgument(zone != null, "zone: expected time zone id, got null");
    Checks.checkArgument(start != null, "start: expected ISO-8601 date, got null");
    Checks.checkArgument(days >= 1 && days <= 366, "days: expected 1 to 366, got %s", days);
    Checks.checkArgument(users >= 0 && users <= 1_000_000, "users: expected 0 to 1000000, got %s", users);
    consent = Map.copyOf(consent == null ? Map.of() : consent);
    consent.forEach((channel, share) -> Checks.checkArgument(
        share != null && share >= 0 && share <= 1, "consent.%s: expected a share in [0, 1], got %s", channel, share));
    segments = List.copyOf(Checks.requireNonNull(segments, "segments"));
    messages = List.copyOf(Checks.requireNonNull(messages, "messages"));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < segments.size(); i++) {
      Checks.checkArgument(names.add(segments.get(i).name()), "segments[%s].name: duplicate segment \"%s\"", i, segments.get(i).name());
    }
    for (int i = 0; i < messages.size(); i++) {
      Checks.checkArgument(names.contains(messages.get(i).segment()),
          "messages[%s].segment: unknown segment \"%s\" (known: %s)", i, messages.get(i).segment(), names);
    }
  }

  /** A segment by activity before the plan. */
  public record Segment(String name, int minActiveDays) {
    public Segment {
      Checks.checkArgument(name != null && !name.isBlank(), "name: expected a segment name, got %s", name);
      Checks.checkArgument(minActiveDays >= 0 && minActiveDays <= 28, "minActiveDays: expected 0 to 28, got %s", minActiveDays);
    }
  }

  /** A recurring message; {@code class} in JSON, default {@code marketing}. */
  public record Planned(String segment, String channel, @JsonProperty("class") String messageClass, String campaign, LocalTime time,
      Integer firstDay, Integer everyDays) {
    public Planned {
      Checks.checkArgument(segment != null, "segment: expected a segment name, got null");
      Checks.checkArgument(channel != null, "channel: expected a channel id, got null");
      messageClass = messageClass == null ? "marketing" : messageClass;
      Checks.checkArgument(time != null, "time: expected a local time (HH:MM), got null");
      firstDay = firstDay == null ? 0 : firstDay;
      Checks.checkArgument(firstDay >= 0, "firstDay: expected >= 0, got %s", firstDay);
      Checks.checkArgument(everyDays == null || everyDays >= 1, "everyDays: expected >= 1, got %s", everyDays);
    }
  }

  /**
   * Checks that the policy knows every channel and class the plan names.
   *
   * @throws IllegalArgumentException naming the plan's JSON path
   */
  public void requireKnownTo(PushPolicy policy) {
    for (String channel : new TreeMap<>(consent).keySet()) {
      requireKnown(() -> policy.channelIndex(channel), "consent." + channel);
    }
    for (int i = 0; i < messages.size(); i++) {
      Planned p = messages.get(i);
      requireKnown(() -> policy.channelIndex(p.channel()), "messages[" + i + "].channel");
      requireKnown(() -> policy.classIndex(p.messageClass()), "messages[" + i + "].class");
    }
  }

  private static void requireKnown(Runnable lookup, String path) {
    try {
      lookup.run();
    } catch (IllegalArgumentException e) {
      // The throttle names its own argument ("channel: unknown channel ..."): name the plan's field.
      String message = e.getMessage();
      throw new IllegalArgumentException(path + message.substring(message.indexOf(':')), e);
    }
  }

  /** Reads a plan; errors name the JSON path. */
  public static PushPlan fromJson(String json) {
    return Json.read(json, PushPlan.class);
  }

  /** The plan's messages, one per day they are due. */
  public List<PlannedMessage> expand() {
    List<PlannedMessage> out = new ArrayList<>();
    for (Planned p : messages) {
      for (int day = p.firstDay(); day < days; day += p.everyDays() == null ? days : p.everyDays()) {
        Message message = new Message(p.channel(), p.messageClass(), p.campaign(), null);
        out.add(new PlannedMessage(p.segment(), message, start.plusDays(day).atTime(p.time()).atZone(zone).toInstant()));
      }
    }
    return out;
  }

  /** Users per segment, by active local days in the 28 days before {@code start}. */
  public Map<String, List<Long>> segments(Collection<Long> users, Collection<Activity> activity) {
    long startDay = start.toEpochDay();
    Map<Long, Set<Long>> activeDays = new HashMap<>();
    for (Activity a : activity) {
      long day = a.occurredAt().atZone(zone).toLocalDate().toEpochDay();
      if (day >= startDay - 28 && day < startDay) {
        activeDays.computeIfAbsent(a.userId(), u -> new HashSet<>()).add(day);
      }
    }
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (Segment segment : segments) {
      out.put(segment.name(), users.stream()
          .filter(u -> activeDays.getOrDefault(u, Set.of()).size() >= segment.minActiveDays())
          .sorted()
          .toList());
    }
    return out;
  }
}
