package dev.userops.core.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The binary form of one accumulator family: the {@link BinaryForm} header of its family code and
 * format version, then its spec's JSON, then the family's own fields, and nothing after them. The
 * JSON carries no {@code version} field: the format version covers the whole payload. One constant
 * per accumulator class, which reads and writes only its own fields.
 *
 * @param <S> the spec type
 * @param <A> the accumulator type
 * @param family the 4 ASCII characters of the family code, e.g. {@code "OSUM"}
 * @param version the format version written, and the newest one read
 * @param specFromJson the spec type's {@code fromJson}, which reads the spec embedded in the bytes
 * @param writeFields appends an accumulator's own fields
 * @param readFields reads the fields into a new accumulator of the embedded spec; {@link
 *     BinaryForm.Reader#version()} gives the version found
 */
public record AccumulatorForm<S extends AccumulatorSpec<A, ?>, A extends Accumulator<A, ?>>(
    String family,
    int version,
    Function<String, S> specFromJson,
    BiConsumer<A, BinaryForm.Writer> writeFields,
    BiConsumer<A, BinaryForm.Reader> readFields) {

  /**
   * The binary form of {@code accumulator}, for its {@link Accumulator#toByteArray()}.
   *
   * @param accumulator the accumulator to write
   * @return the whole binary form
   * @throws IllegalStateException if the form would exceed about 2 GiB
   */
  public byte[] write(A accumulator) {
    BinaryForm.Writer writer = BinaryForm.writer(family, version).putString(Json.write(accumulator.spec()));
    writeFields.accept(accumulator, writer);
    return writer.toByteArray();
  }

  /**
   * Reads a binary form written by {@link #write}, for {@link AccumulatorSpec#accumulatorFromBytes}.
   *
   * @param bytes the whole binary form
   * @param spec the only spec accepted: the bytes must embed an equal one
   * @return a new accumulator of {@code spec} holding what was written
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException for bytes of another family, of an unknown version, of another
   *     spec, truncated, with trailing bytes, or with fields the family rejects
   * @throws dev.userops.core.ConfigException if the embedded JSON is not a valid spec
   */
  public A read(byte[] bytes, S spec) {
    BinaryForm.Reader reader = BinaryForm.reader(bytes, family, version);
    reader.expectSpec(spec, specFromJson);
    A accumulator = spec.newAccumulator();
    readFields.accept(accumulator, reader);
    reader.finish();
    return accumulator;
  }
}
