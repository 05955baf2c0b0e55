package dev.userops.incentives.draw;

/**
 * One event for the allocation-free path of a {@link DrawPolicy}, {@link DrawPolicy#draw}, as named
 * primitive fields: a reusable, mutable flyweight that also holds the hasher's working state. Set
 * every field and pass it; reuse one per thread, as it is not thread-safe.
 *
 * <pre>{@code
 * DrawRequest request = DrawRequest.create().tags(policy.tagMask(userTags)).outOfStock(0);
 * long code = policy.draw(state, request.eventId(orderId).atMillis(paidAt).amountMinor(total));
 * }</pre>
 */
public final class DrawRequest {
  final SipHash hasher = new SipHash();
  private CharSequence eventId;
  private long atMillis = Long.MIN_VALUE;
  private long amountMinor = -1;
  private long tags;
  private long outOfStock;

  private DrawRequest() {}

  /**
   * A request with no field set.
   *
   * @return a new, reusable request
   */
  public static DrawRequest create() {
    return new DrawRequest();
  }

  /**
   * Sets the event id, hashed as its UTF-8 bytes; not copied, so a mutable sequence must not change
   * until the draw returns.
   *
   * @param id the event's id, not blank
   * @return this request
   */
  public DrawRequest eventId(CharSequence id) {
    this.eventId = id;
    return this;
  }

  /**
   * Sets the event's instant.
   *
   * @param epochMillis epoch millis
   * @return this request
   */
  public DrawRequest atMillis(long epochMillis) {
    this.atMillis = epochMillis;
    return this;
  }

  /**
   * Sets what the user spent.
   *
   * @param amount minor units, {@code >= 0}
   * @return this request
   */
  public DrawRequest amountMinor(long amount) {
    this.amountMinor = amount;
    return this;
  }

  /**
   * Sets the user's tags.
   *
   * @param mask from {@link DrawPolicy#tagMask}
   * @return this request
   */
  public DrawRequest tags(long mask) {
    this.tags = mask;
    return this;
  }

  /**
   * Sets the prizes out of stock.
   *
   * @param mask from {@link DrawPolicy#stockMask}: bit {@code i} for prize {@code i}
   * @return this request
   */
  public DrawRequest outOfStock(long mask) {
    this.outOfStock = mask;
    return this;
  }

  /**
   * The event id.
   *
   * @return as set, {@code null} if unset
   */
  public CharSequence eventId() {
    return eventId;
  }

  /**
   * The event's instant.
   *
   * @return epoch millis as set, {@link Long#MIN_VALUE} if unset
   */
  public long atMillis() {
    return atMillis;
  }

  /**
   * The amount spent.
   *
   * @return minor units as set, {@code -1} if unset
   */
  public long amountMinor() {
    return amountMinor;
  }

  /**
   * The tag mask.
   *
   * @return as set, 0 for none
   */
  public long tags() {
    return tags;
  }

  /**
   * The out-of-stock mask.
   *
   * @return as set, 0 for none
   */
  public long outOfStock() {
    return outOfStock;
  }

  @Override
  public String toString() {
    return "DrawRequest[eventId=" + eventId + ", atMillis=" + atMillis + ", amountMinor=" + amountMinor
        + ", tags=" + Long.toHexString(tags) + ", outOfStock=" + Long.toHexString(outOfStock) + "]";
  }
}
