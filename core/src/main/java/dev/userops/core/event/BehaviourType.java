package dev.userops.core.event;

/**
 * Behaviours that earn points or growth value (DOMAIN §3). <em>Active</em> behaviours are the
 * user's own; <em>passive</em> ones are done to the user's content by others.
 */
public enum BehaviourType {
  /** Wrote a review (active). */
  REVIEW,
  /** Wrote a review with photos (active). */
  REVIEW_WITH_PHOTOS,
  /** Shared a product or content (active). */
  SHARE,
  /** Someone liked the user's review or content (passive). */
  LIKE_RECEIVED,
  /** Someone shared the user's review or content (passive). */
  SHARE_RECEIVED,
  /** Someone the user invited became a customer (passive). */
  INVITATION_ACCEPTED,
  /** Daily check-in (active). */
  CHECK_IN;

  /**
   * Whether others perform this behaviour on the user's content rather than the user.
   *
   * @return {@code true} for {@link #LIKE_RECEIVED}, {@link #SHARE_RECEIVED} and {@link
   *     #INVITATION_ACCEPTED}
   */
  public boolean isPassive() {
    return this == LIKE_RECEIVED || this == SHARE_RECEIVED || this == INVITATION_ACCEPTED;
  }
}
