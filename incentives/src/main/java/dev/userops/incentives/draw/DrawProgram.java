package dev.userops.incentives.draw;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Cap;
import dev.userops.incentives.support.CalendarCaps;
import dev.userops.incentives.support.ConfigPaths;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A lucky draw: the prizes and their odds, who may draw and how often, a guaranteed-win rule, a
 * consolation prize and what an out-of-stock prize's odds become. Immutable; read it from JSON with
 * {@link #fromJson} and get the policy with {@link #policy(ZoneId, DrawKey)}.
 *
 * <p><b>Odds.</b> Either every prize has an integer {@code weight} (and the program an optional
 * {@code missWeight}, the weight of drawing no prize), or every prize has an exact decimal {@code
 * probability}, e.g. {@code 0.001}, and the remainder {@code 1 - Σ probability} is the miss. A
 * probability is read from the JSON text as a decimal (never through a {@code double}), so with
 * {@code S} the most decimal places of any prize (at most 18), prize {@code i} gets the integer
 * weight {@code p_i × 10^S} of a total of {@code 10^S}: {@code 0.001} is exactly 1/1000. A miss
 * awards the consolation prize, or nothing when the program has none.
 *
 * <p><b>Prize order.</b> Prizes are listed best first, and their {@code valueMinor} must not rise
 * along the list. "At least prize P" means P or a prize listed before it.
 *
 * <p><b>Out of stock.</b> The host passes the prizes it has no units of left ({@link
 * DrawPolicy#apply}). With {@link OutOfStock#CONSOLATION} (default) the slot of an out-of-stock
 * prize awards what a miss awards, so every other prize keeps its probability and every draw that
 * did not land on the empty prize keeps its result. With {@link OutOfStock#PROPORTIONAL} the slot is
 * removed and the other outcomes (the miss included) share its weight in proportion to theirs: the
 * odds conditional on not drawing that prize.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param drawId required: the draw's id, part of every hashed input and idempotency key; no U+0000
 * @param prizes required: 1 to {@value #MAX_PRIZES} prizes, best first, with distinct ids
 * @param missWeight with weights: the weight of drawing no prize; default 0. Absent with
 *     probabilities
 * @param consolation what a miss awards, or {@code null} (default) for nothing
 * @param outOfStock where an out-of-stock prize's weight goes; default {@link OutOfStock#CONSOLATION}
 * @param eligibility who may draw and how often; default anyone, without a limit
 * @param guarantee the guaranteed-win rule, or {@code null} (default) for none
 * @param memoryDays required: days before the newest draw that a user's draws are remembered, to
 *     tell a replayed event (a {@code DUPLICATE}) from a new one; an event older than that is
 *     rejected as late
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawProgram(
    int version,
    String drawId,
    List<Prize> prizes,
    Long missWeight,
    Consolation consolation,
    OutOfStock outOfStock,
    Eligibility eligibility,
    Guarantee guarantee,
    int memoryDays) {

  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;
  /** The most prizes a program may have: each is one bit of the out-of-stock mask. */
  public static final int MAX_PRIZES = 63;
  /** The most decimal places of a probability: {@code 10^18} is the largest power of ten in a long. */
  public static final int MAX_PROBABILITY_SCALE = 18;

  /**
   * Checks every field and cross-reference; messages start with the field to fix.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param drawId not blank, without U+0000
   * @param prizes 1 to {@value #MAX_PRIZES}, distinct ids, all with weights or all with
   *     probabilities, values not rising; copied
   * @param missWeight with weights, {@code >= 0} or {@code null} for 0; must be {@code null} with
   *     probabilities
   * @param consolation the miss's prize, or {@code null}; its id differs from every prize's
   * @param outOfStock the redistribution rule, or {@code null} for {@link OutOfStock#CONSOLATION}
   * @param eligibility who may draw, or {@code null} for anyone, unlimited
   * @param guarantee the guaranteed-win rule, or {@code null}; its prize is one of {@code prizes}
   * @param memoryDays in [1, 3650]
   * @throws NullPointerException if {@code drawId}, {@code prizes} or a prize is null
   * @throws IllegalArgumentException naming the field if a rule above is broken, the weights add up
   *     to more than {@link Long#MAX_VALUE} or to 0, or the probabilities to more than 1
   */
  public DrawProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonNull(drawId, "drawId");
    Checks.checkArgument(!drawId.isBlank() && drawId.indexOf('\0') < 0,
        "drawId: expected a non-blank id without U+0000, got \"%s\"", drawId);
    prizes = List.copyOf(Checks.requireNonNull(prizes, "prizes"));
    Checks.checkArgument(!prizes.isEmpty() && prizes.size() <= MAX_PRIZES,
        "prizes: expected 1 to %s prizes, got %s", MAX_PRIZES, prizes.size());
    outOfStock = outOfStock == null ? OutOfStock.CONSOLATION : outOfStock;
    eligibility = eligibility == null ? Eligibility.anyone() : eligibility;
    Checks.checkArgument(memoryDays >= 1 && memoryDays <= 3650, "memoryDays: expected 1 to 3650, got %s", memoryDays);
    Set<String> ids = new HashSet<>();
    boolean weighted = prizes.get(0).weight() != null;
    for (int i = 0; i < prizes.size(); i++) {
      Prize prize = prizes.get(i);
      Checks.checkArgument(ids.add(prize.id()), "prizes[%s].id: duplicate prize \"%s\"", i, prize.id());
      Checks.checkArgument((prize.weight() != null) == weighted,
          "prizes[%s]: every prize has a weight or every prize has a probability, not a mix", i);
      long previous = i == 0 ? Long.MAX_VALUE : prizes.get(i - 1).valueMinor();
      Checks.checkArgument(prize.valueMinor() <= previous,
          "prizes[%s].valueMinor: prizes are listed best first, so the value must not exceed that of prizes[%s] (%s), got %s",
          i, i - 1, previous, prize.valueMinor());
    }
    if (weighted) {
      missWeight = missWeight == null ? 0L : missWeight;
      Checks.checkArgument(missWeight >= 0, "missWeight: expected >= 0, got %s", missWeight);
      long total = missWeight;
      for (Prize prize : prizes) {
        total = addWeight(total, prize.weight());
      }
      Checks.checkArgument(total > 0, "prizes: the weights and missWeight add up to 0: nothing can be drawn");
    } else {
      Checks.checkArgument(missWeight == null, "missWeight: only with weights; with probabilities the miss is 1 - their sum");
      BigDecimal sum = BigDecimal.ZERO;
      for (Prize prize : prizes) {
        sum = sum.add(prize.probability());
      }
      Checks.checkArgument(sum.compareTo(BigDecimal.ONE) <= 0,
          "prizes: the probabilities add up to %s, more than 1", sum.toPlainString());
    }
    if (consolation != null) {
      Checks.checkArgument(!ids.contains(consolation.id()),
          "consolation.id: \"%s\" is also a prize's id", consolation.id());
    }
    if (guarantee != null) {
      Checks.checkArgument(ids.contains(guarantee.atLeast()),
          "guarantee.atLeast: unknown prize \"%s\" (known: %s)", guarantee.atLeast(), String.join(", ", ids(prizes)));
    }
  }

  private static long addWeight(long total, long weight) {
    try {
      return Math.addExact(total, weight);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("prizes: the weights add up to more than " + Long.MAX_VALUE, e);
    }
  }

  private static List<String> ids(List<Prize> prizes) {
    return prizes.stream().map(Prize::id).toList();
  }

  @JsonCreator
  static DrawProgram json(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "drawId", required = true) String drawId,
      @JsonProperty(value = "prizes", required = true) List<Prize> prizes,
      @JsonProperty("missWeight") Long missWeight,
      @JsonProperty("consolation") Consolation consolation,
      @JsonProperty("outOfStock") OutOfStock outOfStock,
      @JsonProperty("eligibility") Eligibility eligibility,
      @JsonProperty("guarantee") Guarantee guarantee,
      @JsonProperty(value = "memoryDays", required = true) int memoryDays) {
    return new DrawProgram(version, drawId, prizes, missWeight, consolation, outOfStock, eligibility, guarantee, memoryDays);
  }

  /**
   * A program of weighted prizes with every optional field at its default: no miss, no
   * consolation, {@link OutOfStock#CONSOLATION}, anyone may draw, no guarantee.
   *
   * @param drawId the draw's id
   * @param memoryDays days draws are remembered, in [1, 3650]
   * @param prizes the prizes, best first
   * @return the program
   * @throws IllegalArgumentException as the constructor
   */
  public static DrawProgram of(String drawId, int memoryDays, List<Prize> prizes) {
    return new DrawProgram(FORMAT_VERSION, drawId, prizes, null, null, null, null, null, memoryDays);
  }

  /**
   * This program with another miss weight.
   *
   * @param weight the weight of drawing no prize, {@code >= 0}; for weighted prizes only
   * @return a copy
   * @throws IllegalArgumentException as the constructor
   */
  public DrawProgram withMissWeight(long weight) {
    return new DrawProgram(version, drawId, prizes, weight, consolation, outOfStock, eligibility, guarantee, memoryDays);
  }

  /**
   * This program with another consolation prize.
   *
   * @param newConsolation what a miss awards, or {@code null} for nothing
   * @return a copy
   * @throws IllegalArgumentException as the constructor
   */
  public DrawProgram withConsolation(Consolation newConsolation) {
    return new DrawProgram(version, drawId, prizes, missWeight, newConsolation, outOfStock, eligibility, guarantee, memoryDays);
  }

  /**
   * This program with another out-of-stock rule.
   *
   * @param rule where an out-of-stock prize's weight goes
   * @return a copy
   * @throws NullPointerException if {@code rule} is null
   */
  public DrawProgram withOutOfStock(OutOfStock rule) {
    Checks.requireNonNull(rule, "outOfStock");
    return new DrawProgram(version, drawId, prizes, missWeight, consolation, rule, eligibility, guarantee, memoryDays);
  }

  /**
   * This program with other eligibility rules.
   *
   * @param newEligibility who may draw and how often
   * @return a copy
   * @throws NullPointerException if {@code newEligibility} is null
   */
  public DrawProgram withEligibility(Eligibility newEligibility) {
    Checks.requireNonNull(newEligibility, "eligibility");
    return new DrawProgram(version, drawId, prizes, missWeight, consolation, outOfStock, newEligibility, guarantee, memoryDays);
  }

  /**
   * This program with another guaranteed-win rule.
   *
   * @param newGuarantee the rule, or {@code null} for none
   * @return a copy
   * @throws IllegalArgumentException as the constructor
   */
  public DrawProgram withGuarantee(Guarantee newGuarantee) {
    return new DrawProgram(version, drawId, prizes, missWeight, consolation, outOfStock, eligibility, newGuarantee, memoryDays);
  }

  /**
   * Reads a program from JSON.
   *
   * @param json the JSON form; {@code version}, {@code drawId}, {@code prizes} and {@code
   *     memoryDays} are required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path of the offending value, e.g. {@code
   *     prizes[1].valueMinor: …}; unknown fields are rejected
   */
  public static DrawProgram fromJson(String json) {
    return ConfigPaths.read(json, DrawProgram.class);
  }

  /**
   * This program's JSON form; {@link #fromJson} reads it back equal.
   *
   * @return compact JSON with the defaults written out
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy applying this program with the per-user limit's calendar periods in {@code zone}
   * and draws hashed under {@code key}.
   *
   * @param zone the zone of the limit's days, weeks (from Monday) and months, normally the shop's
   * @param key the host's secret key
   * @return a new policy; build it once and share it, it is immutable and thread-safe
   * @throws NullPointerException if an argument is null
   */
  public DrawPolicy policy(ZoneId zone, DrawKey key) {
    return new DrawPolicy(this, zone, key);
  }

  /**
   * The index of the prize with id {@code id}: its rank, 0 for the best.
   *
   * @param id a prize id
   * @return its position in {@link #prizes()}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException naming the known prizes if there is none with that id
   */
  public int prizeIndex(String id) {
    Checks.requireNonNull(id, "prize id");
    for (int i = 0; i < prizes.size(); i++) {
      if (prizes.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown prize \"" + id + "\" (known: " + String.join(", ", ids(prizes)) + ")");
  }

  /**
   * The prizes' integer weights as the draw uses them: the weights as given, or each probability
   * times {@code 10^S} (see the type comment), with the miss's weight last.
   *
   * @return {@code prizes().size() + 1} weights, {@code >= 0}, adding up to at most {@link
   *     Long#MAX_VALUE}
   */
  long[] scaledWeights() {
    long[] weights = new long[prizes.size() + 1];
    if (missWeight != null) {
      for (int i = 0; i < prizes.size(); i++) {
        weights[i] = prizes.get(i).weight();
      }
      weights[prizes.size()] = missWeight;
      return weights;
    }
    int scale = 0;
    for (Prize prize : prizes) {
      scale = Math.max(scale, prize.probability().scale());
    }
    long total = BigDecimal.ONE.movePointRight(scale).longValueExact();
    long sum = 0;
    for (int i = 0; i < prizes.size(); i++) {
      weights[i] = prizes.get(i).probability().movePointRight(scale).longValueExact();
      sum += weights[i];
    }
    weights[prizes.size()] = total - sum;
    return weights;
  }

  /** Where an out-of-stock prize's weight goes. */
  public enum OutOfStock {
    /** Its slot awards what a miss awards: the consolation prize, or nothing. */
    CONSOLATION,
    /** Its slot is removed: the other outcomes, the miss included, share it in proportion. */
    PROPORTIONAL
  }

  /**
   * One prize.
   *
   * @param id required: the prize id, unique in the program
   * @param weight the prize's integer weight; exactly one of {@code weight} and {@code probability}
   * @param probability the prize's exact probability, a decimal in [0, 1] of at most {@value
   *     DrawProgram#MAX_PROBABILITY_SCALE} places
   * @param inventory units the draw starts with, or {@code null} (default) for unlimited; the host
   *     keeps what is left
   * @param valueMinor required: what one unit costs the shop, minor units: the cost the simulation
   *     reports, and the order of prizes
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Prize(String id, Long weight, BigDecimal probability, Long inventory, long valueMinor) {
    /**
     * Checks the fields; a probability is stored without trailing zeros, so {@code 0.10} and
     * {@code 0.1} are one value.
     *
     * @param id not blank
     * @param weight {@code >= 0}, or {@code null} when a probability is given
     * @param probability in [0, 1] with at most {@value DrawProgram#MAX_PROBABILITY_SCALE} decimal
     *     places, or {@code null} when a weight is given
     * @param inventory {@code >= 0}, or {@code null} for unlimited
     * @param valueMinor {@code >= 0}
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException naming the field if a value is out of range, or neither or
     *     both of weight and probability are given
     */
    public Prize {
      Checks.requireNonNull(id, "id");
      Checks.checkArgument(!id.isBlank(), "id: expected a non-blank prize id, got \"%s\"", id);
      Checks.checkArgument((weight == null) != (probability == null),
          "weight: expected exactly one of weight and probability for prize \"%s\"", id);
      Checks.checkArgument(weight == null || weight >= 0, "weight: expected >= 0, got %s", weight);
      if (probability != null) {
        probability = probability.signum() == 0 ? BigDecimal.ZERO : probability.stripTrailingZeros();
        Checks.checkArgument(probability.signum() >= 0 && probability.compareTo(BigDecimal.ONE) <= 0,
            "probability: expected a decimal in [0, 1], got %s", probability.toPlainString());
        Checks.checkArgument(probability.scale() <= MAX_PROBABILITY_SCALE,
            "probability: expected at most %s decimal places, got %s", MAX_PROBABILITY_SCALE, probability.toPlainString());
      }
      Checks.checkArgument(inventory == null || inventory >= 0, "inventory: expected >= 0, got %s", inventory);
      Checks.checkArgument(valueMinor >= 0, "valueMinor: expected >= 0, got %s", valueMinor);
    }

    @JsonCreator
    static Prize json(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty("weight") Long weight,
        @JsonProperty("probability") BigDecimal probability,
        @JsonProperty("inventory") Long inventory,
        @JsonProperty(value = "valueMinor", required = true) long valueMinor) {
      return new Prize(id, weight, probability, inventory, valueMinor);
    }

    /**
     * A prize of integer weight.
     *
     * @param id the prize id
     * @param weight its weight, {@code >= 0}
     * @param inventory units at the start, or {@code null} for unlimited
     * @param valueMinor its cost per unit, minor units
     * @return the prize
     * @throws IllegalArgumentException as the constructor
     */
    public static Prize weighted(String id, long weight, Long inventory, long valueMinor) {
      return new Prize(id, weight, null, inventory, valueMinor);
    }

    /**
     * A prize of exact probability.
     *
     * @param id the prize id
     * @param probability a decimal such as {@code "0.001"}, in [0, 1]
     * @param inventory units at the start, or {@code null} for unlimited
     * @param valueMinor its cost per unit, minor units
     * @return the prize
     * @throws NumberFormatException if {@code probability} is not a decimal
     * @throws IllegalArgumentException as the constructor
     */
    public static Prize withProbability(String id, String probability, Long inventory, long valueMinor) {
      return new Prize(id, null, new BigDecimal(probability), inventory, valueMinor);
    }
  }

  /**
   * What a miss awards: a prize without odds or inventory of its own (a small coupon, say).
   *
   * @param id required: its id, distinct from every prize's
   * @param valueMinor required: what one costs the shop, minor units
   */
  public record Consolation(String id, long valueMinor) {
    /**
     * Checks the fields.
     *
     * @param id not blank
     * @param valueMinor {@code >= 0}
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is blank or {@code valueMinor < 0}
     */
    public Consolation {
      Checks.requireNonNull(id, "id");
      Checks.checkArgument(!id.isBlank(), "id: expected a non-blank id, got \"%s\"", id);
      Checks.checkArgument(valueMinor >= 0, "valueMinor: expected >= 0, got %s", valueMinor);
    }

    @JsonCreator
    static Consolation json(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "valueMinor", required = true) long valueMinor) {
      return new Consolation(id, valueMinor);
    }
  }

  /**
   * Who may draw, and how often. An event that fails a rule is rejected and does not count.
   *
   * @param minSpendMinor the least {@link DrawEvent#amountMinor()} that earns a draw, minor units;
   *     default 0
   * @param requiredTags tags the user must all carry; default none
   * @param excludedTags tags the user must carry none of (e.g. {@code "employee"}); default none
   * @param cap at most {@code max} draws per user per local day, week (from Monday) or month in
   *     the policy's zone ({@code {"max": 3, "window": "P1D"}}), or {@code null} (default) for no
   *     limit. Calendar windows only
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Eligibility(long minSpendMinor, List<String> requiredTags, List<String> excludedTags, Cap cap) {
    /** The most tags, required and excluded together: each is one bit of a mask. */
    static final int MAX_TAGS = 64;

    /**
     * Checks the fields and copies the tag lists.
     *
     * @param minSpendMinor {@code >= 0}
     * @param requiredTags distinct, not blank, or {@code null} for none
     * @param excludedTags distinct, not blank, none of them required, or {@code null} for none
     * @param cap a calendar cap, or {@code null} for no limit
     * @throws NullPointerException if a tag is null
     * @throws IllegalArgumentException naming the field if a rule above is broken or there are more
     *     than 64 tags
     */
    public Eligibility {
      Checks.checkArgument(minSpendMinor >= 0, "minSpendMinor: expected >= 0, got %s", minSpendMinor);
      requiredTags = requiredTags == null ? List.of() : List.copyOf(requiredTags);
      excludedTags = excludedTags == null ? List.of() : List.copyOf(excludedTags);
      Set<String> seen = new HashSet<>();
      checkTags(requiredTags, "requiredTags", seen);
      checkTags(excludedTags, "excludedTags", seen);
      Checks.checkArgument(seen.size() <= MAX_TAGS, "requiredTags: at most %s tags in all, got %s", MAX_TAGS, seen.size());
      CalendarCaps.requireCalendar(cap, "eligibility");
    }

    private static void checkTags(List<String> tags, String field, Set<String> seen) {
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i);
        Checks.checkArgument(!tag.isBlank(), "%s[%s]: expected a non-blank tag", field, i);
        Checks.checkArgument(seen.add(tag), "%s[%s]: tag \"%s\" is listed twice", field, i, tag);
      }
    }

    @JsonCreator
    static Eligibility json(
        @JsonProperty("minSpendMinor") Long minSpendMinor,
        @JsonProperty("requiredTags") List<String> requiredTags,
        @JsonProperty("excludedTags") List<String> excludedTags,
        @JsonProperty("cap") Cap cap) {
      return new Eligibility(minSpendMinor == null ? 0 : minSpendMinor, requiredTags, excludedTags, cap);
    }

    /**
     * Anyone may draw, as often as they have events.
     *
     * @return eligibility with no minimum, no tags and no cap
     */
    public static Eligibility anyone() {
      return new Eligibility(0, null, null, null);
    }

    /**
     * Draws for a minimum spend, at most {@code cap}.
     *
     * @param minSpendMinor the least amount that earns a draw, minor units
     * @param cap a calendar cap, or {@code null} for no limit
     * @return eligibility without tag rules
     * @throws IllegalArgumentException as the constructor
     */
    public static Eligibility of(long minSpendMinor, Cap cap) {
      return new Eligibility(minSpendMinor, null, null, cap);
    }

    /**
     * This eligibility with other tag rules.
     *
     * @param required tags the user must all carry
     * @param excluded tags the user must carry none of
     * @return a copy
     * @throws IllegalArgumentException as the constructor
     */
    public Eligibility withTags(List<String> required, List<String> excluded) {
      return new Eligibility(minSpendMinor, required, excluded, cap);
    }

    /** Required tags then excluded tags: bit {@code i} of a tag mask is tag {@code i} of this list. */
    List<String> tags() {
      List<String> all = new ArrayList<>(requiredTags);
      all.addAll(excludedTags);
      return all;
    }
  }

  /**
   * The guaranteed-win rule: an eligible event of at least {@code minSpendMinor} always wins at
   * least prize {@code atLeast}. The draw is the same as anyone's; a result worse than {@code
   * atLeast} (a lower prize, an out-of-stock prize's slot or a miss) is raised to the lowest prize
   * in stock that is at least {@code atLeast} — {@code atLeast} itself while it is in stock. When no
   * such prize is in stock the event is rejected, so that the promise is never broken silently.
   *
   * @param minSpendMinor required: the least amount, minor units
   * @param atLeast required: the id of the least prize won
   */
  public record Guarantee(long minSpendMinor, String atLeast) {
    /**
     * Checks the fields.
     *
     * @param minSpendMinor {@code >= 0}
     * @param atLeast a prize id, not blank
     * @throws NullPointerException if {@code atLeast} is null
     * @throws IllegalArgumentException if {@code minSpendMinor < 0}
     */
    public Guarantee {
      Checks.checkArgument(minSpendMinor >= 0, "minSpendMinor: expected >= 0, got %s", minSpendMinor);
      Checks.requireNonNull(atLeast, "atLeast");
    }

    @JsonCreator
    static Guarantee json(
        @JsonProperty(value = "minSpendMinor", required = true) long minSpendMinor,
        @JsonProperty(value = "atLeast", required = true) String atLeast) {
      return new Guarantee(minSpendMinor, atLeast);
    }
  }
}
