package dev.userops.spark;

import dev.userops.core.BadRecordException;
import dev.userops.retention.cohort.RetentionAccumulator;
import dev.userops.retention.cohort.RetentionSpec;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * One partition of {@link UserOpsSpark#retentionMatrix}, partitioned by user, through one {@link
 * RetentionAccumulator} whose dense ids come from {@link PartitionUsers} of this partition's users
 * only. Every event of each of its users is here, so its matrix adds to the other partitions' with
 * {@link dev.userops.retention.cohort.RetentionMatrix#plus}. Input columns by position: {@code
 * user_id}, {@code occurred_at} as epoch milliseconds, {@code event}. Output: the matrix's JSON, one
 * string per non-empty partition. Heap: the accumulator's state and the dense ids of this
 * partition's users, never another partition's.
 */
final class RetentionByUser implements MapPartitionsFunction<Row, String> {
  private static final long serialVersionUID = 1L;

  private final String specJson;
  private final DataType userIdType;

  RetentionByUser(String specJson, DataType userIdType) {
    this.specJson = specJson;
    this.userIdType = userIdType;
  }

  @Override
  public Iterator<String> call(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return List.<String>of().iterator();
    }
    RetentionAccumulator accumulator = RetentionSpec.fromJson(specJson).newAccumulator();
    PartitionUsers users = PartitionUsers.of(userIdType);
    while (rows.hasNext()) {
      Row row = rows.next();
      int user = users.indexOf(Family.required(row, 0, Object.class));
      try {
        accumulator.add(user, Family.required(row, 1, Long.class), Family.required(row, 2, String.class));
      } catch (BadRecordException e) {
        throw Family.RETENTION.badRow(row, e);
      }
    }
    return List.of(accumulator.result().toJson()).iterator();
  }
}
