package dev.userops.spark;

import dev.userops.core.BadRecordException;
import dev.userops.segmentation.rfm.RfmAccumulator;
import dev.userops.segmentation.rfm.RfmFeatures;
import dev.userops.segmentation.rfm.RfmSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One partition of {@link UserOpsSpark#rfmFeatures} through one {@link RfmAccumulator} whose dense
 * ids come from {@link PartitionUsers} of this partition's users only. Its input is orders ({@link
 * #ORDER_COLUMNS}) or users' partial states ({@link #states}); its output is those users' partial
 * states (the map side, when a user's orders may lie in other partitions too) or their features
 * (when every order or state of each of its users is in this partition). Heap: the accumulator's
 * 16 bytes and the dense ids' 32 to 64 bytes per user of the partition, plus the output rows; never
 * the users of other partitions.
 */
final class RfmByUser implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /**
   * The order columns this class reads, by position: {@code user_id}, {@code occurred_at} as epoch
   * milliseconds, {@code amount_minor}, {@code status} (read only where {@link #PAID} is not true);
   * then at {@link #PAID} a {@code BOOLEAN} that is true when the status is spelled {@code paid} or
   * {@code PAID}.
   */
  private static final int[] ORDER_COLUMNS = {0, 1, 2, 3};

  private static final int PAID = 4;

  private final String specJson;
  private final DataType userIdType;
  private final boolean statesIn;
  private final boolean statesOut;

  private RfmByUser(String specJson, DataType userIdType, boolean statesIn, boolean statesOut) {
    this.specJson = specJson;
    this.userIdType = userIdType;
    this.statesIn = statesIn;
    this.statesOut = statesOut;
  }

  /** Orders in, each user's partial state of this partition out. */
  static RfmByUser partials(String specJson, DataType userIdType) {
    return new RfmByUser(specJson, userIdType, false, true);
  }

  /** Partial states in, partitioned by user, features out. */
  static RfmByUser merged(String specJson, DataType userIdType) {
    return new RfmByUser(specJson, userIdType, true, false);
  }

  /** Orders in, partitioned by user, features out. */
  static RfmByUser features(String specJson, DataType userIdType) {
    return new RfmByUser(specJson, userIdType, false, false);
  }

  /** The partial states: {@code user_id} (the input's type), {@code last_millis, orders, spend_minor}. */
  static StructType states(DataType userIdType) {
    return new StructType()
        .add("user_id", userIdType, false)
        .add("last_millis", DataTypes.LongType, false)
        .add("orders", DataTypes.LongType, false)
        .add("spend_minor", DataTypes.LongType, false);
  }

  static StructType features(DataType userIdType) {
    return new StructType()
        .add("user_id", userIdType, false)
        .add("recency_days", DataTypes.LongType, false)
        .add("frequency", DataTypes.LongType, false)
        .add("monetary_minor", DataTypes.LongType, false)
        .add("spend_minor", DataTypes.LongType, false);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return List.<Row>of().iterator();
    }
    RfmAccumulator accumulator = RfmSpec.fromJson(specJson).newAccumulator();
    PartitionUsers users = PartitionUsers.of(userIdType);
    while (rows.hasNext()) {
      Row row = rows.next();
      int user = users.indexOf(Family.required(row, 0, Object.class));
      if (statesIn) {
        accumulator.addUser(new RfmAccumulator.UserState(user, row.getLong(1), row.getLong(2), row.getLong(3)));
        continue;
      }
      long millis = Family.millis(row, ORDER_COLUMNS);
      long amount = Family.required(row, ORDER_COLUMNS[2], Long.class);
      try {
        if (!row.isNullAt(PAID) && row.getBoolean(PAID)) {
          // What the status overload does with PAID, without parsing it.
          accumulator.add(user, millis, amount);
        } else {
          accumulator.add(user, millis, amount, Family.status(row, ORDER_COLUMNS[3]));
        }
      } catch (BadRecordException e) {
        throw Family.RFM.badRow(row, e);
      }
    }
    List<Row> out = new ArrayList<>();
    if (statesOut) {
      accumulator.forEachUser(state -> out.add(RowFactory.create(
          users.userId(state.userId()), state.lastMillis(), state.orders(), state.spendMinor())));
      return out.iterator();
    }
    RfmFeatures features = accumulator.result();
    for (int i = 0; i < features.size(); i++) {
      out.add(RowFactory.create(
          users.userId(features.userId(i)),
          features.recencyDays(i),
          features.frequency(i),
          features.monetaryMinor(i),
          features.spendMinor(i)));
    }
    return out.iterator();
  }
}
