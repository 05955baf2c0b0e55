package dev.userops.incentives.push;

/**
 * One message for the allocation-free path of a {@link PushPolicy}, as named primitive fields: a
 * reusable, mutable flyweight. Positional {@code long} arguments (campaign, key, instant) are easy to
 * swap unnoticed, and all three type-check; here each is set by name. Set every field (unset ones
 * are {@code -1} for indexes and instants, 0 for ids) and pass it to {@link PushPolicy#decide} or
 * {@link PushPolicy#apply(PushState, PushRequest)}; reuse one per thread, as it is not thread-safe.
 *
 * <pre>{@code
 * PushRequest request = PushRequest.create()
 *     .channel(policy.channelIndex("push"))
 *     .messageClass(policy.classIndex("marketing"));
 * long decision = policy.decide(state, request.campaign(PushPolicy.idHash("spring")).atMillis(now));
 * }</pre>
 */
public final class PushRequest {
  private int channel = -1;
  private int messageClass = -1;
  private long campaign;
  private long key;
  private long atMillis = -1;

  private PushRequest() {}

  /**
   * A request with no field set.
   *
   * @return a new, reusable request
   */
  public static PushRequest create() {
    return new PushRequest();
  }

  /**
   * Sets the channel.
   *
   * @param channelIndex a channel index from {@link PushPolicy#channelIndex(String)}
   * @return this request
   */
  public PushRequest channel(int channelIndex) {
    this.channel = channelIndex;
    return this;
  }

  /**
   * Sets the message class.
   *
   * @param classIndex a class index from {@link PushPolicy#classIndex(String)}
   * @return this request
   */
  public PushRequest messageClass(int classIndex) {
    this.messageClass = classIndex;
    return this;
  }

  /**
   * Sets the campaign, for cool-down.
   *
   * @param campaignHash the campaign's {@link PushPolicy#idHash(String)}; 0 for none
   * @return this request
   */
  public PushRequest campaign(long campaignHash) {
    this.campaign = campaignHash;
    return this;
  }

  /**
   * Sets the dedupe key.
   *
   * @param keyHash the message key's {@link PushPolicy#idHash(String)}; 0 for none
   * @return this request
   */
  public PushRequest key(long keyHash) {
    this.key = keyHash;
    return this;
  }

  /**
   * Sets the decision instant.
   *
   * @param epochMillis epoch millis in [0, {@link PushPolicy#MAX_MILLIS}]
   * @return this request
   */
  public PushRequest atMillis(long epochMillis) {
    this.atMillis = epochMillis;
    return this;
  }

  /**
   * The channel index.
   *
   * @return as set, {@code -1} if unset
   */
  public int channel() {
    return channel;
  }

  /**
   * The message class index.
   *
   * @return as set, {@code -1} if unset
   */
  public int messageClass() {
    return messageClass;
  }

  /**
   * The campaign hash.
   *
   * @return as set, 0 for none
   */
  public long campaign() {
    return campaign;
  }

  /**
   * The dedupe key hash.
   *
   * @return as set, 0 for none
   */
  public long key() {
    return key;
  }

  /**
   * The decision instant.
   *
   * @return epoch millis as set, {@code -1} if unset
   */
  public long atMillis() {
    return atMillis;
  }

  @Override
  public String toString() {
    return "PushRequest[channel=" + channel + ", messageClass=" + messageClass + ", campaign="
        + Long.toHexString(campaign) + ", key=" + Long.toHexString(key) + ", atMillis=" + atMillis + "]";
  }
}
