package dev.userops.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * {@code userops_<family>_merge(state)}: merges versioned accumulator bytes of one family into one.
 * Null states are skipped; a group of none gives {@code NULL}.
 */
final class StateMerger extends Aggregator<byte[], AccumulatorBuffer, byte[]> {
  private static final long serialVersionUID = 1L;

  private final Family family;

  StateMerger(Family family) {
    this.family = family;
  }

  @Override
  public AccumulatorBuffer zero() {
    return new AccumulatorBuffer();
  }

  @Override
  public AccumulatorBuffer reduce(AccumulatorBuffer buffer, byte[] state) {
    if (state == null) {
      return buffer;
    }
    AccumulatorBuffer read = new AccumulatorBuffer();
    read.accumulator = family.fromBytes(state);
    return buffer.merge(read);
  }

  @Override
  public AccumulatorBuffer merge(AccumulatorBuffer left, AccumulatorBuffer right) {
    return left.merge(right);
  }

  @Override
  public byte[] finish(AccumulatorBuffer buffer) {
    return buffer.accumulator == null ? null : buffer.accumulator.toByteArray();
  }

  @Override
  public Encoder<AccumulatorBuffer> bufferEncoder() {
    return Encoders.javaSerialization(AccumulatorBuffer.class);
  }

  @Override
  public Encoder<byte[]> outputEncoder() {
    return Encoders.BINARY();
  }
}
