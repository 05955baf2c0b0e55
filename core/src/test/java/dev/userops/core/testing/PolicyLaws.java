package dev.userops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Checks the laws of the per-user policy contract (DESIGN.md §2) for one policy over one event
 * sequence: replaying with the state persisted and reloaded between every two events gives the same
 * outcomes as one pass in memory; applying an event a second time to the state it returned (and an
 * earlier event that took effect to a later state) changes nothing and has no effects; every effect carries a
 * non-blank idempotency key, unique over the run and the same on every computation. Generic over
 * the state, event and outcome types, which the caller describes by small functions.
 *
 * @param <S> the per-user state
 * @param <E> the event
 * @param <O> the outcome of one application
 */
public final class PolicyLaws<S, E, O> {
  private final S newState;
  private final BiFunction<S, E, O> apply;
  private final Function<O, S> stateOf;
  private final Function<O, List<String>> effectKeys;
  private final UnaryOperator<S> persist;

  private PolicyLaws(S newState, BiFunction<S, E, O> apply, Function<O, S> stateOf,
      Function<O, List<String>> effectKeys, UnaryOperator<S> persist) {
    this.newState = newState;
    this.apply = apply;
    this.stateOf = stateOf;
    this.effectKeys = effectKeys;
    this.persist = persist;
  }

  /**
   * Laws for one policy.
   *
   * @param newState a new user's state, e.g. {@code policy.newState()}
   * @param apply {@code policy::apply}
   * @param stateOf the new state of an outcome
   * @param effectKeys the idempotency keys of an outcome's effects, in order (empty for none)
   * @param persist a store round trip, e.g. {@code s -> State.fromJson(s.toJson())}
   */
  public static <S, E, O> PolicyLaws<S, E, O> of(S newState, BiFunction<S, E, O> apply, Function<O, S> stateOf,
      Function<O, List<String>> effectKeys, UnaryOperator<S> persist) {
    return new PolicyLaws<>(newState, apply, stateOf, effectKeys, persist);
  }

  /**
   * Checks every law on {@code events}, picking earlier events to replay with {@code seed}.
   *
   * @param events the events of one user, in delivery order
   * @param seed chooses which earlier events are replayed later
   * @return the outcomes of the one pass in memory, one per event, for further assertions
   */
  public List<O> check(List<E> events, long seed) {
    Random random = new Random(seed);
    List<O> outcomes = new ArrayList<>(events.size());
    Set<String> keys = new HashSet<>();
    List<E> tookEffect = new ArrayList<>();
    S state = newState;
    S stored = persist.apply(newState);
    for (int i = 0; i < events.size(); i++) {
      E event = events.get(i);
      O outcome = apply.apply(state, event);
      O reloaded = apply.apply(stored, event);
      assertThat(reloaded).as("outcome of event %s (#%s) after a store round trip", event, i).isEqualTo(outcome);
      for (String key : effectKeys.apply(outcome)) {
        assertThat(key).as("idempotency key of an effect of %s", event).isNotBlank();
        assertThat(keys.add(key)).as("idempotency key %s of %s is unique over the run", key, event).isTrue();
      }
      S after = stateOf.apply(outcome);
      assertNoOp(after, event, "the same event again");
      if (!after.equals(state) || !effectKeys.apply(outcome).isEmpty()) {
        // Only an event that took effect is a no-op later; a rejected one (e.g. a redemption over
        // the balance) may rightly apply once the state allows it.
        tookEffect.add(event);
      }
      if (!tookEffect.isEmpty()) {
        assertNoOp(after, tookEffect.get(random.nextInt(tookEffect.size())), "an earlier event again");
      }
      outcomes.add(outcome);
      state = after;
      stored = persist.apply(stateOf.apply(reloaded));
      assertThat(stored).as("state after a store round trip").isEqualTo(state);
    }
    return outcomes;
  }

  private void assertNoOp(S state, E event, String what) {
    O again = apply.apply(state, event);
    assertThat(effectKeys.apply(again)).as("effects of %s: %s", what, event).isEmpty();
    assertThat(stateOf.apply(again)).as("state after %s: %s", what, event).isEqualTo(state);
  }
}
