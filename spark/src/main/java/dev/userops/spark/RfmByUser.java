package dev.userops.spark;

import dev.userops.core.BadRecordException;
import dev.userops.core.UserIdDictionary;
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
 * The second stage of {@link UserOpsSpark#rfmFeatures}: one partition of orders, already
 * partitioned by user so each user's orders are all here, through one {@link RfmAccumulator}
 * whose dense ids come from a dictionary of this partition's users only. Heap: 16 bytes per user
 * of the partition for the accumulator, plus the dictionary's UTF-8 id length and 10 to 16 bytes,
 * plus the output rows; never the users of other partitions.
 */
final class RfmByUser implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final String specJson;
  private final DataType userIdType;

  RfmByUser(String specJson, DataType userIdType) {
    this.specJson = specJson;
    this.userIdType = userIdType;
  }

  static StructType output(DataType userIdType) {
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
    UserIdDictionary users = new UserIdDictionary();
    int[] columns = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (columns == null) {
        columns = Family.RFM.columnIndexes(row);
      }
      Object userId = row.get(columns[0]);
      if (userId == null) {
        throw new IllegalArgumentException("column user_id is null in row " + row);
      }
      try {
        accumulator.add(Family.order(row, columns, users.indexOf(userId.toString())));
      } catch (BadRecordException e) {
        throw Family.RFM.badRow(row, e);
      }
    }
    RfmFeatures features = accumulator.result();
    List<Row> out = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      String id = users.userId(features.userId(i));
      out.add(RowFactory.create(
          userIdType == DataTypes.StringType ? id : (Object) Long.parseLong(id),
          features.recencyDays(i),
          features.frequency(i),
          features.monetaryMinor(i),
          features.spendMinor(i)));
    }
    return out.iterator();
  }
}
