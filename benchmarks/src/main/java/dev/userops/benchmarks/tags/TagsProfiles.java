package dev.userops.benchmarks.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.event.OrderStatus;
import dev.userops.sample.SyntheticShop;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Profiles as a host would hand them to the tag catalog: purchase metrics (orders and spend in the
 * trailing 180 days, a lifecycle stage) computed from {@link SyntheticShop} orders, and host
 * attributes (region, gender, age, email, interests, RFM scores) drawn from a generator seeded per
 * user. Deterministic for a seed.
 */
final class TagsProfiles {
  private static final long DAY = 86_400_000L;
  private static final String[] REGIONS = {"CN-SH", "CN-BJ", "CN-GZ", "CN-SZ", "CN-HZ", "CN-CD", "CN-WH", "CN-NJ"};
  private static final String[] INTERESTS = {"games", "esports", "beauty", "skincare", "travel", "music", "books", "cooking", "sports", "anime"};
  private static final String[] DOMAINS = {"example.com", "mail.cn", "qq.com", "163.com"};

  private TagsProfiles() {}

  static JsonNode[] generate(int users, long seed) {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(users, seed));
    long[] signup = new long[users];
    shop.forEachUser((userId, signupMillis, channel) -> signup[(int) userId] = signupMillis);
    // Profiles as of the day after the last signup, so that every lifecycle stage occurs.
    long end = Arrays.stream(signup).max().orElse(0) + DAY;
    int[] orders180d = new int[users];
    long[] spend180d = new long[users];
    long[] lastOrder = new long[users];
    long[] previousOrder = new long[users];
    Arrays.fill(lastOrder, -1);
    Arrays.fill(previousOrder, -1);
    shop.forEachOrder((userId, seq, at, amount, status) -> {
      int u = (int) userId;
      if (status != OrderStatus.PAID || at > end) {
        return;
      }
      previousOrder[u] = lastOrder[u];
      lastOrder[u] = at;
      if (at >= end - 180 * DAY) {
        orders180d[u]++;
        spend180d[u] += amount;
      }
    });
    JsonNode[] profiles = new JsonNode[users];
    for (int u = 0; u < users; u++) {
      SplittableRandom random = new SplittableRandom(seed * 31 + u);
      ObjectNode p = JsonNodeFactory.instance.objectNode();
      p.put("userId", "u" + u);
      p.put("region", REGIONS[random.nextInt(REGIONS.length)]);
      p.put("gender", random.nextBoolean() ? "F" : "M");
      p.put("age", 16 + random.nextInt(50));
      p.put("email", "user" + u + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
      int interestCount = random.nextInt(4);
      for (int i = 0; i < interestCount; i++) {
        p.withArray("interests").add(INTERESTS[random.nextInt(INTERESTS.length)]);
      }
      p.put("orders180d", orders180d[u]);
      p.put("spend180dMinor", spend180d[u]);
      p.put("lifecycle", lifecycle(end, signup[u], lastOrder[u], previousOrder[u]));
      ObjectNode rfm = p.putObject("rfm");
      rfm.put("r", 1 + random.nextInt(5)).put("f", 1 + random.nextInt(5)).put("m", 1 + random.nextInt(5));
      profiles[u] = p;
    }
    return profiles;
  }

  /** A simple stage from order times, enough to give the lifecycle rules a realistic mix. */
  private static String lifecycle(long end, long signup, long last, long previous) {
    if (signup >= end - 30 * DAY) {
      return "NEW";
    } else if (last >= end - 30 * DAY) {
      return previous >= 0 && last - previous > 90 * DAY ? "RETURNING" : "ACTIVE";
    } else if (last >= end - 90 * DAY) {
      return "SILENT";
    }
    return "LOST";
  }
}
