package dev.userops.segmentation.dimensions;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;

/**
 * Opinion leaders: users whose content moves others, by influence = {@code likeWeight × likes +
 * shareWeight × shares + invitationWeight × invitations} received. A leader has influence above 0
 * and either ranks in the top {@code topShare} of users (ties by ascending user id) or reaches
 * {@code minInfluence}; exactly one of the two is set. Defaults: weights 1, 2, 5 and the top 5%.
 * JSON form: {@code {"likeWeight":1,"shareWeight":2,"invitationWeight":5,"topShare":0.05}}.
 *
 * @param likeWeight {@code >= 0}; {@code null} in JSON means 1
 * @param shareWeight {@code >= 0}; {@code null} in JSON means 2
 * @param invitationWeight {@code >= 0}; {@code null} in JSON means 5
 * @param topShare share of users in (0, 1], rounded up to whole users; {@code null} means 0.05
 *     unless {@code minInfluence} is set
 * @param minInfluence the influence a leader reaches, {@code >= 1}; {@code null} for top share
 */
public record OpinionLeaders(
    Long likeWeight, Long shareWeight, Long invitationWeight, Double topShare, Long minInfluence) {
  /** Format version of the JSON form, written as its {@code version} field (absent: 1). */
  private static final int JSON_VERSION = 1;

  /** The defaults. */
  public static final OpinionLeaders DEFAULT = new OpinionLeaders(null, null, null, null, null);

  /**
   * Applies the defaults and validates.
   *
   * @param likeWeight influence per like received, {@code >= 0}; {@code null} for 1
   * @param shareWeight influence per share received, {@code >= 0}; {@code null} for 2
   * @param invitationWeight influence per accepted invitation, {@code >= 0}; {@code null} for 5
   * @param topShare share of users in (0, 1]; {@code null} for 0.05 unless {@code minInfluence} is
   *     set
   * @param minInfluence the influence a leader reaches, {@code >= 1}; {@code null} for top share
   * @throws IllegalArgumentException if a value is out of range, or both {@code topShare} and
   *     {@code minInfluence} are set
   */
  public OpinionLeaders {
    likeWeight = Checks.requireNonNegative(likeWeight == null ? 1L : likeWeight, "likeWeight");
    shareWeight = Checks.requireNonNegative(shareWeight == null ? 2L : shareWeight, "shareWeight");
    invitationWeight = Checks.requireNonNegative(invitationWeight == null ? 5L : invitationWeight, "invitationWeight");
    if (minInfluence == null) {
      topShare = topShare == null ? 0.05 : topShare;
      Checks.checkArgument(topShare > 0 && topShare <= 1, "topShare must be in (0, 1], got %s", topShare);
    } else {
      Checks.checkArgument(topShare == null, "set topShare or minInfluence, not both: got %s and %s", topShare, minInfluence);
      Checks.requirePositive(minInfluence, "minInfluence");
    }
  }

  /**
   * Reads the configuration from its JSON form.
   *
   * @param json the JSON form; {@code {}} gives the defaults
   * @return the configuration
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException naming the offending field
   */
  public static OpinionLeaders fromJson(String json) {
    return Json.readVersioned(json, OpinionLeaders.class, JSON_VERSION);
  }

  /**
   * This configuration's JSON form.
   *
   * @return compact JSON with the weights and the one criterion set
   */
  public String toJson() {
    return Json.writeVersioned(this, JSON_VERSION);
  }

  /**
   * The weighted influence of counts received.
   *
   * @param likes likes the user's content received, {@code >= 0}
   * @param shares shares the user's content received, {@code >= 0}
   * @param invitations invitations of the user that were accepted, {@code >= 0}
   * @return the influence, {@code >= 0}; 0 when nothing was received or all weights are 0
   * @throws IllegalArgumentException for a negative count
   * @throws ArithmeticException on overflow
   */
  public long influence(long likes, long shares, long invitations) {
    Checks.requireNonNegative(likes, "likes");
    Checks.requireNonNegative(shares, "shares");
    Checks.requireNonNegative(invitations, "invitations");
    return Math.addExact(
        Math.addExact(Math.multiplyExact(likeWeight, likes), Math.multiplyExact(shareWeight, shares)),
        Math.multiplyExact(invitationWeight, invitations));
  }

  /**
   * Which rows are opinion leaders; row {@code i} is user {@code userIds[i]} with {@code
   * influence[i] >= 0}.
   *
   * @param userIds the users, one per row; only used to break ties
   * @param influence each row's influence, e.g. from {@link #influence}
   * @return a new array, {@code true} for leaders; all {@code false} for no rows or no influence
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length or an influence is negative
   */
  public boolean[] leaders(long[] userIds, long[] influence) {
    int[] rows = Ranking.descending(userIds, influence, "influence");
    long quota = minInfluence != null ? rows.length : (long) Math.ceil(topShare * rows.length);
    long floor = minInfluence != null ? minInfluence : 1;
    boolean[] leaders = new boolean[rows.length];
    for (int k = 0; k < quota && influence[rows[k]] >= floor; k++) {
      leaders[rows[k]] = true;
    }
    return leaders;
  }
}
