package dev.l2o.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.SetupChange;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The configuration part of a snapshot file, encoded and decoded by Jackson databind on the model records
 * themselves. The model carries no Jackson annotation (connector-core's architecture rules keep it free of
 * libraries): what the file format needs beyond the records' own shape is said here, as mix-ins. Properties are
 * written in the records' component order (Pipeline: {@code ref} before {@code stages}, as format version 1 has
 * always written them), maps are the model's sorted maps, so equal snapshots give equal bytes.
 */
final class SnapshotJson {
    /** Reads and writes single parts (one pipeline, one record); history rows never go through it. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("l2o-snapshot")
                    .setMixInAnnotation(Pipeline.class, PipelineFormat.class)
                    .setMixInAnnotation(CrmRecord.class, CrmRecordFormat.class)
                    .setMixInAnnotation(SetupChange.class, SetupChangeFormat.class))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a later release may add keys within version 1
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    private SnapshotJson() {}

    /** Record types were added within version 1: left out when there are none, so older files read and write the same. */
    @JsonPropertyOrder({"id", "label", "object", "isDefault", "ref", "stages", "recordTypes"})
    private abstract static class PipelineFormat {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<String> recordTypes();
    }

    /** The pipeline was added within version 1: left out when the source does not tell it, as older files have it. */
    private abstract static class CrmRecordFormat {
        @JsonSerialize(contentUsing = RecordValueSerializer.class)
        @JsonDeserialize(contentUsing = RecordValueDeserializer.class)
        abstract Map<String, Object> values();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String pipeline();
    }

    /** An instant as ISO-8601 text, as {@code asOf} is written: the model needs no Java time module. */
    private abstract static class SetupChangeFormat {
        @JsonSerialize(using = ToStringSerializer.class)
        @JsonDeserialize(using = InstantDeserializer.class)
        abstract Instant at();
    }

    /** The mirror of {@link Instant#toString()}. */
    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(parser, Instant.class, "is not an ISO-8601 instant");
            }
            try {
                return Instant.parse(parser.getText());
            } catch (DateTimeParseException e) {
                throw MismatchedInputException.from(parser, Instant.class, "is not an ISO-8601 instant: '" + parser.getText() + "'");
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /**
     * Where and why a part does not fit the format, from databind's failure: the JSON path of the value
     * ({@code pipelines[0].stages[1].order}) and what it should be, or the model's own complaint about the
     * object it was building.
     */
    static String describe(JsonMappingException e, String partPath) {
        StringBuilder path = new StringBuilder(partPath);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            // the model rejected the object at this path
            return path + ": " + cause.getMessage();
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return path + " has unknown value '" + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch
                && (mismatch.getTargetType() == Object.class || mismatch.getTargetType() == Instant.class)) {
            return path + " " + e.getOriginalMessage(); // a record value: RecordValueDeserializer says what it may be
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return path + " is not " + expected(mismatch.getTargetType());
        }
        return path + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** A record value; a non-finite double, which JSON has no number for, as {@code {"double": "NaN"}}. */
    static final class RecordValueSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (value instanceof String text) {
                json.writeString(text);
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof Double number && Double.isFinite(number)) {
                json.writeNumber(number);
            } else if (value instanceof Double number) {
                // A bare "NaN" string would read back as text; the wrapper keeps the value a Double.
                json.writeStartObject();
                json.writeStringField(SnapshotFormat.DOUBLE_FIELD, number.toString());
                json.writeEndObject();
            } else if (value instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else {
                throw new IllegalArgumentException("unsupported record value type " + value.getClass().getName());
            }
        }
    }

    /** The mirror of {@link RecordValueSerializer}: text, whole numbers as Long, numbers as Double, booleans, null. */
    static final class RecordValueDeserializer extends JsonDeserializer<Object> {
        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE, VALUE_FALSE -> token == JsonToken.VALUE_TRUE;
                case VALUE_NUMBER_INT -> {
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw notAValue(parser, context);
                    }
                    yield parser.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case START_OBJECT -> wrappedDouble(parser, context);
                case VALUE_NULL, START_ARRAY, END_ARRAY, END_OBJECT, FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE ->
                        throw notAValue(parser, context);
            };
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return null;
        }

        private static Double wrappedDouble(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.nextToken() != JsonToken.FIELD_NAME || !SnapshotFormat.DOUBLE_FIELD.equals(parser.currentName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                throw notAValue(parser, context);
            }
            Double value = SnapshotFormat.nonFiniteDouble(parser.getText());
            if (value == null || parser.nextToken() != JsonToken.END_OBJECT) {
                throw notAValue(parser, context);
            }
            return value;
        }

        private static JsonMappingException notAValue(JsonParser parser, DeserializationContext context) {
            return MismatchedInputException.from(parser, Object.class,
                    "is not a string, whole number, number, boolean or null");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Untyped;
        }
    }
}
