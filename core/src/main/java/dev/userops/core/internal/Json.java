package dev.userops.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.userops.core.ConfigException;
import dev.userops.core.UserOpsJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Reads and writes every UserOps document with the conventions {@link UserOpsJson} states, for the
 * library modules' {@code fromJson}/{@code toJson} methods. Hosts use those methods, or {@link
 * UserOpsJson#mapper()} to embed documents in their own JSON.
 */
public final class Json {

  private static final ObjectMapper MAPPER = newMapper();
  /** Characters of a found value shown in a message: a value can be a megabyte long. */
  private static final int SHOWN_CHARS = 100;

  private Json() {}

  /**
   * A copy of the library's mapper.
   *
   * @return a new mapper with the UserOps conventions
   */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  private static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("UserOps").addSerializer(OptionalDouble.class, new OptionalDoubleSerializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(UserOpsJson.MAX_NESTING_DEPTH)
                .maxDocumentLength(UserOpsJson.MAX_DOCUMENT_BYTES)
                .maxStringLength(UserOpsJson.MAX_STRING_LENGTH)
                .maxNumberLength(64)
                .maxNameLength(1024)
                .build());
    return mapper;
  }

  /** An empty optional as {@code null}, a present one as its number: how results write rates. */
  private static final class OptionalDoubleSerializer extends StdSerializer<OptionalDouble> {
    private static final long serialVersionUID = 1L;

    OptionalDoubleSerializer() {
      super(OptionalDouble.class);
    }

    @Override
    public void serialize(OptionalDouble value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        generator.writeNumber(value.getAsDouble());
      } else {
        generator.writeNull();
      }
    }
  }

  /**
   * Reads {@code json} as a {@code type}.
   *
   * @param <T> the type read
   * @param json one complete JSON document; trailing content is rejected
   * @param type the record or class to read, e.g. {@code OrderSummarySpec.class}
   * @return the value read, validated by its constructor; null for the document {@code null} only
   *     if {@code type} is not read from an object (a record, a map or a bean is never null)
   * @throws NullPointerException if an argument is null
   * @throws ConfigException naming the JSON path, what was expected and what was found, e.g. {@code
   *     version: expected an integer, got "1"} or {@code expected an object, got an array}; also for
   *     malformed JSON, limits exceeded and values the type's constructor rejects
   */
  public static <T> T read(String json, Class<T> type) {
    Checks.requireNonNull(json, "json");
    Checks.requireNonNull(type, "type");
    return present(translated(() -> MAPPER.readValue(json, type)), type);
  }

  /**
   * Reads {@code json}, which must be one JSON object, as a tree to inspect or rewrite before
   * {@link #read(JsonNode, Class)}.
   *
   * @param json one complete JSON document
   * @return the object
   * @throws NullPointerException if {@code json} is null
   * @throws ConfigException for malformed JSON or a document that is not an object
   */
  public static ObjectNode readObject(String json) {
    Checks.requireNonNull(json, "json");
    JsonNode tree = translated(() -> MAPPER.readTree(json));
    if (!(tree instanceof ObjectNode object)) {
      throw new ConfigException("", "expected an object, got " + describeDocument(tree));
    }
    return object;
  }

  /**
   * Reads a tree as a {@code type}, as {@link #read(String, Class)} reads text.
   *
   * @param <T> the type read
   * @param tree the document, e.g. from {@link #readObject}
   * @param type the record or class to read
   * @return the value read, validated by its constructor
   * @throws ConfigException as {@link #read(String, Class)}
   */
  public static <T> T read(JsonNode tree, Class<T> type) {
    Checks.requireNonNull(type, "type");
    return present(translated(() -> MAPPER.treeToValue(tree, type)), type);
  }

  /** {@code value}, unless a {@code null} document was read as a type that is an object. */
  private static <T> T present(T value, Class<T> type) {
    if (value == null && isObject(type)) {
      throw new ConfigException("", "expected an object, got null");
    }
    return value;
  }

  /** A Jackson read whose failures become {@link ConfigException}s with the JSON path. */
  @FunctionalInterface
  private interface Reading<T> {
    T read() throws JsonProcessingException;
  }

  private static <T> T translated(Reading<T> reading) {
    try {
      return reading.read();
    } catch (JsonProcessingException e) {
      throw toConfigException(e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("", e.getMessage(), e);
    }
  }

  /**
   * Reads a versioned document: a JSON object whose optional {@code version} field names its format
   * version, and whose other fields are {@code type}'s. A document without {@code version} is read
   * as version 1 (the analytics specs carried none before 0.1.0).
   *
   * @param <T> the type read
   * @param json one complete JSON object
   * @param type the record to read
   * @param currentVersion the newest format version this code reads, {@code >= 1}
   * @return the value read, validated by its constructor
   * @throws NullPointerException if an argument is null
   * @throws ConfigException for a document that is not an object, a {@code version} that is not an
   *     integer in {@code [1, currentVersion]}, or as {@link #read}
   */
  public static <T> T readVersioned(String json, Class<T> type, int currentVersion) {
    ObjectNode object = readObject(json);
    JsonNode version = object.remove("version");
    if (version != null && !(version.isIntegralNumber() && version.canConvertToInt()
        && version.intValue() >= 1 && version.intValue() <= currentVersion)) {
      throw new ConfigException("version", "expected an integer in [1, " + currentVersion + "], got " + describe(version));
    }
    return read(object, type);
  }

  /**
   * Writes {@code value} as compact JSON led by {@code "version": version}, read back by {@link
   * #readVersioned}.
   *
   * @param value a record whose JSON form is an object
   * @param version its format version
   * @return the JSON on one line
   * @throws IllegalArgumentException if Jackson cannot serialize {@code value} as an object
   */
  public static String writeVersioned(Object value, int version) {
    ObjectNode document = MAPPER.createObjectNode().put("version", version);
    JsonNode fields = MAPPER.valueToTree(value);
    Checks.checkArgument(fields instanceof ObjectNode, "cannot write %s as a versioned object", value);
    document.setAll((ObjectNode) fields);
    return write(document);
  }

  /**
   * Writes {@code value} as compact JSON with the UserOps conventions.
   *
   * @param value a record or other Jackson-serializable value; null is written as {@code null}
   * @return the JSON on one line, map entries sorted by key
   * @throws IllegalArgumentException if Jackson cannot serialize {@code value}
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes {@code value} as indented JSON with the UserOps conventions.
   *
   * @param value a record or other Jackson-serializable value; null is written as {@code null}
   * @return the JSON over several lines, map entries sorted by key
   * @throws IllegalArgumentException if Jackson cannot serialize {@code value}
   */
  public static String writePretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Translates a Jackson reading failure into a {@link ConfigException} with the JSON path.
   *
   * @param e the failure thrown by a Jackson read
   * @return an exception to throw, with {@code e} as its cause; its path is empty for problems
   *     of the document as a whole, such as malformed JSON
   * @throws NullPointerException if {@code e} is null
   */
  public static ConfigException toConfigException(JsonProcessingException e) {
    String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
    return new ConfigException(path, problem(e), e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ", " (known: ", ")"));
      return "unknown field \"" + unknown.getPropertyName() + "\"" + known;
    }
    if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
      return instantiation.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException format) {
      return "expected " + describe(format.getTargetType()) + ", got " + quote(format.getValue());
    }
    if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && mismatch.getTargetType().isPrimitive()
        && String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot map `null`")) {
      // Jackson reports an absent primitive creator property as a null.
      return "expected " + describe(mismatch.getTargetType()) + ", got null or no value (the field is required)";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + describe(mismatch.getTargetType()) + ", got " + found(mismatch);
    }
    if (e instanceof StreamConstraintsException) {
      return "document exceeds a limit: " + e.getOriginalMessage();
    }
    String where =
        e.getLocation() == null
            ? ""
            : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    return "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage());
  }

  /**
   * The value a mapping failed on, as a message shows it: a tree parser still stands on it; a text
   * parser is closed by then, so the text (kept in the location, {@link
   * StreamReadFeature#INCLUDE_SOURCE_IN_LOCATION}) is read again and followed along the path.
   */
  private static String found(MismatchedInputException e) {
    if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
      return describe(parser);
    }
    JsonNode node = source(e);
    if (node == null) {
      return "another value";
    }
    for (JsonMappingException.Reference ref : e.getPath()) {
      node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
    }
    return e.getPath().isEmpty() ? describeDocument(node) : describe(node);
  }

  /** The document a failure was read from, if the parser kept it and it is well-formed. */
  private static JsonNode source(JsonProcessingException e) {
    Object raw = e.getLocation() == null ? null : e.getLocation().contentReference().getRawContent();
    try {
      if (raw instanceof String text) {
        return MAPPER.readTree(text);
      } else if (raw instanceof char[] chars) {
        return MAPPER.readTree(new String(chars));
      } else if (raw instanceof byte[] bytes) {
        return MAPPER.readTree(bytes);
      }
    } catch (JsonProcessingException | RuntimeException unreadable) {
      // Then the failure is not about one value; the caller says "another value".
    } catch (IOException unreadable) {
      // As above: byte input cannot fail to be read otherwise.
    }
    return null;
  }

  private static String describe(JsonParser parser) {
    try {
      return switch (parser.currentToken()) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> quote(parser.getText());
        case VALUE_NULL -> "null";
        default -> cut(parser.getText());
      };
    } catch (IOException e) {
      return "another value";
    }
  }

  /**
   * A found value as messages show it: a string quoted and cut to {@value #SHOWN_CHARS} characters,
   * a number or boolean as written, {@code null}, {@code an object}, {@code an array} or, for a
   * missing field, {@code no value}.
   *
   * @param node the value, or null for none
   * @return the description
   */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "no value";
    } else if (node.isObject()) {
      return "an object";
    } else if (node.isArray()) {
      return "an array";
    } else if (node.isTextual()) {
      return quote(node.textValue());
    }
    return cut(node.asText());
  }

  private static String describeDocument(JsonNode document) {
    return document == null || document.isMissingNode() ? "an empty document" : describe(document);
  }

  /** What a value of {@code type} is in JSON, for "expected ..." (never a Java class name). */
  private static String describe(Class<?> type) {
    if (type == Duration.class) {
      return "an ISO-8601 duration (e.g. \"PT24H\")";
    } else if (type == Period.class) {
      return "an ISO-8601 period (e.g. \"P30D\")";
    } else if (type == Instant.class) {
      return "an ISO-8601 instant (e.g. \"2026-01-31T16:00:00Z\")";
    } else if (type == LocalDate.class) {
      return "an ISO-8601 date (YYYY-MM-DD)";
    } else if (type == LocalTime.class) {
      return "an ISO-8601 local time (HH:MM)";
    } else if (ZoneId.class.isAssignableFrom(type)) {
      return "a time zone id (e.g. \"Asia/Shanghai\")";
    } else if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    } else if (type == int.class || type == long.class || type == short.class || type == byte.class
        || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
      return "an integer";
    } else if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
      return "a string";
    } else if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
      return "an array";
    }
    return isObject(type) ? "an object" : "a value of another kind";
  }

  /** Whether values of {@code type} are JSON objects: records, maps and other beans, not tree nodes. */
  private static boolean isObject(Class<?> type) {
    return !type.isPrimitive() && !type.isEnum() && !type.isArray() && type != Object.class
        && !JsonNode.class.isAssignableFrom(type) && !Iterable.class.isAssignableFrom(type)
        && !Number.class.isAssignableFrom(type) && !CharSequence.class.isAssignableFrom(type)
        && type != Boolean.class && type != Character.class && !type.getName().startsWith("java.time.");
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + cut(s) + "\"" : cut(String.valueOf(value));
  }

  /** {@code text} cut to {@value #SHOWN_CHARS} characters, so that one line shows the whole message. */
  private static String cut(String text) {
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
