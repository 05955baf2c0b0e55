package dev.userops.spark;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * One partition of {@link UserOpsSpark#aggregateByUser}, partitioned by user, through one
 * accumulator of {@code family} whose dense ids come from {@link PartitionUsers} of this partition's
 * users only. Every row of each of its users is here, so its result adds to the other partitions'
 * ({@link Family#plus}). Input: the family's columns by name, {@code occurred_at} as epoch
 * milliseconds. Output: the result's JSON, one string per non-empty partition. Heap: the
 * accumulator's state and the dense ids of this partition's users, never another partition's.
 */
final class ByUser implements MapPartitionsFunction<Row, String> {
  private static final long serialVersionUID = 1L;

  private final Family family;
  private final String specJson;
  private final DataType userIdType;

  ByUser(Family family, String specJson, DataType userIdType) {
    this.family = family;
    this.specJson = specJson;
    this.userIdType = userIdType;
  }

  @Override
  public Iterator<String> call(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return List.<String>of().iterator();
    }
    Accumulator<?, ?> accumulator = family.spec(specJson).newAccumulator();
    PartitionUsers users = PartitionUsers.of(userIdType);
    int[] columns = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (columns == null) {
        columns = family.columnIndexes(row);
      }
      int user = users.indexOf(Family.required(row, columns[0], Object.class));
      try {
        family.add(accumulator, row, columns, user);
      } catch (BadRecordException e) {
        throw family.badRow(row, e);
      }
    }
    return List.of(family.resultJson(accumulator.result())).iterator();
  }
}
