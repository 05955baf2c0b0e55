package dev.userops.spark;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.BadRecordException;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * Feeds input rows to one family's accumulator: the buffer is the accumulator object; the output is
 * its result as JSON ({@link #result}) or its versioned bytes ({@link #state}).
 *
 * <p>The spec travels as JSON and is rebuilt lazily on each executor: either fixed (the typed API)
 * or read from each row's {@code spec} column (the SQL functions, whose first argument is the spec).
 * With a spec column, rows of one group must carry equal specs; a different one fails the merge
 * with both named.
 */
abstract class RowAggregator<OUT> extends Aggregator<Row, AccumulatorBuffer, OUT> {
  private static final long serialVersionUID = 1L;

  final Family family;
  /** The fixed spec's JSON, or null when each row carries it. */
  private final String specJson;

  private transient String lastSpecJson;
  private transient AccumulatorSpec<?, ?> lastSpec;
  /** The row indexes of the family's columns, resolved from the first row's schema. */
  private transient int[] columns;

  RowAggregator(Family family, String specJson) {
    this.family = family;
    this.specJson = specJson;
  }

  static RowAggregator<String> result(Family family, String specJson) {
    return new RowAggregator<>(family, specJson) {
      private static final long serialVersionUID = 1L;

      @Override
      String finish(Accumulator<?, ?> accumulator) {
        return family.resultJson(accumulator.result());
      }

      @Override
      public Encoder<String> outputEncoder() {
        return Encoders.STRING();
      }
    };
  }

  static RowAggregator<byte[]> state(Family family, String specJson) {
    return new RowAggregator<>(family, specJson) {
      private static final long serialVersionUID = 1L;

      @Override
      byte[] finish(Accumulator<?, ?> accumulator) {
        return accumulator.toByteArray();
      }

      @Override
      public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
      }
    };
  }

  abstract OUT finish(Accumulator<?, ?> accumulator);

  @Override
  public AccumulatorBuffer zero() {
    return new AccumulatorBuffer();
  }

  @Override
  public AccumulatorBuffer reduce(AccumulatorBuffer buffer, Row row) {
    if (columns == null) {
      columns = family.columnIndexes(row);
    }
    if (buffer.accumulator == null) {
      buffer.accumulator = spec(specJson != null ? specJson : row.getString(row.fieldIndex(Family.SPEC_COLUMN)))
          .newAccumulator();
    } else if (specJson == null) {
      checkSameSpec(buffer.accumulator, row.getString(row.fieldIndex(Family.SPEC_COLUMN)));
    }
    try {
      family.add(buffer.accumulator, row, columns);
    } catch (BadRecordException e) {
      throw family.badRow(row, e);
    }
    return buffer;
  }

  @Override
  public AccumulatorBuffer merge(AccumulatorBuffer left, AccumulatorBuffer right) {
    return left.merge(right);
  }

  /**
   * The result of a buffer; of an empty group, the empty result of the fixed spec, or SQL
   * {@code NULL} when the spec comes from rows (none were seen).
   */
  @Override
  public OUT finish(AccumulatorBuffer buffer) {
    if (buffer.accumulator != null) {
      return finish(buffer.accumulator);
    }
    return specJson == null ? null : finish(spec(specJson).newAccumulator());
  }

  @Override
  public Encoder<AccumulatorBuffer> bufferEncoder() {
    return Encoders.javaSerialization(AccumulatorBuffer.class);
  }

  private AccumulatorSpec<?, ?> spec(String json) {
    if (!json.equals(lastSpecJson)) {
      lastSpec = family.spec(json);
      lastSpecJson = json;
    }
    return lastSpec;
  }

  private void checkSameSpec(Accumulator<?, ?> accumulator, String json) {
    AccumulatorSpec<?, ?> spec = spec(json);
    if (!spec.equals(accumulator.spec())) {
      throw new IllegalArgumentException(
          "userops_" + family.sqlName + ": one group has two specs: " + accumulator.spec() + " and " + spec);
    }
  }
}
