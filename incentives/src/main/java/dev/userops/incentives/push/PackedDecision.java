package dev.userops.incentives.push;

import dev.userops.incentives.push.Decision.Reason;
import dev.userops.incentives.push.Decision.Verdict;
import java.time.Instant;

/**
 * A decision packed into one {@code long} for the allocation-free path: bits 0–43 an instant in
 * epoch millis (until, next allowed or the newest delivery; {@link #NEVER} for none), 44–45 the
 * verdict, 46–50 the reason + 1, 51–54 the kind of deciding rule, 55–62 the rule's index. SEND
 * is 0.
 */
final class PackedDecision {
  /** Latest instant a decision or delivery may carry, in epoch millis (2^44 - 2). */
  static final long MAX_MILLIS = (1L << 44) - 2;
  /** No instant: a cap of 0, a window running past {@link #MAX_MILLIS}. */
  static final long NEVER = (1L << 44) - 1;
  static final long SEND = 0;

  static final int RULE_CONSENT = 1;
  static final int RULE_DEDUPE = 2;
  static final int RULE_QUIET = 3;
  static final int RULE_QUIET_DROP = 4;
  static final int RULE_COOL_DOWN = 5;
  static final int RULE_CAP = 6;
  static final int RULE_CLOCK = 7;

  private static final long TIME_MASK = (1L << 44) - 1;
  private static final int VERDICT_SHIFT = 44;
  private static final int REASON_SHIFT = 46;
  private static final int RULE_KIND_SHIFT = 51;
  private static final int RULE_INDEX_SHIFT = 55;
  private static final Reason[] REASONS = Reason.values();
  private static final Verdict[] VERDICTS = Verdict.values();

  private PackedDecision() {}

  /** Instants past {@link #MAX_MILLIS} (a cool-down or window running past 2527) read as never. */
  static long pack(Verdict verdict, Reason reason, int ruleKind, int ruleIndex, long millis) {
    return Math.min(millis, NEVER)
        | (long) verdict.ordinal() << VERDICT_SHIFT
        | (long) (reason.ordinal() + 1) << REASON_SHIFT
        | (long) ruleKind << RULE_KIND_SHIFT
        | (long) ruleIndex << RULE_INDEX_SHIFT;
  }

  /** The decision {@code code} packs, with rule paths of the program's JSON. */
  static Decision unpack(long code) {
    if (code == SEND) {
      return new Decision(Verdict.SEND, null, null, null, null);
    }
    Verdict verdict = VERDICTS[(int) (code >>> VERDICT_SHIFT) & 3];
    int reasonCode = (int) (code >>> REASON_SHIFT) & 31;
    if (reasonCode == 0 || reasonCode > REASONS.length) {
      throw notPacked(code);
    }
    Reason reason = REASONS[reasonCode - 1];
    int index = (int) (code >>> RULE_INDEX_SHIFT) & 0xFF;
    String rule = switch ((int) (code >>> RULE_KIND_SHIFT) & 15) {
      case RULE_CONSENT -> "channels[" + index + "].consent";
      case RULE_DEDUPE -> "dedupeWindow";
      case RULE_QUIET -> "quietHours";
      case RULE_QUIET_DROP -> "classes[" + index + "].quietHours";
      case RULE_COOL_DOWN -> "campaignCoolDown";
      case RULE_CAP -> "caps[" + index + "]";
      case RULE_CLOCK -> "caps";
      default -> throw notPacked(code);
    };
    long millis = code & TIME_MASK;
    Instant instant = millis == NEVER || reason == Reason.NO_CONSENT || reason == Reason.DUPLICATE
        ? null
        : Instant.ofEpochMilli(millis);
    return verdict == Verdict.DEFER
        ? new Decision(verdict, reason, rule, instant, null)
        : new Decision(verdict, reason, rule, null, reason == Reason.QUIET_HOURS ? null : instant);
  }

  private static IllegalArgumentException notPacked(long code) {
    return new IllegalArgumentException("not a packed decision: " + Long.toHexString(code));
  }
}
