package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a blueprint file is, by JSON Pointer (RFC 6901) into the document:
 * {@code /opportunityLifecycle/stages/2/probability}. Reports use it to point findings (SARIF results) at
 * blueprint lines. Immutable and thread-safe.
 */
public final class SourcePositions {
    private static final SourcePositions EMPTY = new SourcePositions(Map.of(), Map.of());

    private final Map<String, SourcePosition> starts;
    private final Map<String, SourcePosition> values;

    private SourcePositions(Map<String, SourcePosition> starts, Map<String, SourcePosition> values) {
        this.starts = Collections.unmodifiableMap(new HashMap<>(starts));
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** Positions of a blueprint that has no file (built in code): every lookup is empty. */
    public static SourcePositions empty() {
        return EMPTY;
    }

    /**
     * Where the node at {@code jsonPointer} starts: for a mapping entry its key ({@code probability:}), for a
     * list item the item itself, for {@code ""} the document. Empty when there is no such node.
     */
    public Optional<SourcePosition> of(String jsonPointer) {
        return Optional.ofNullable(starts.get(requireNonNull(jsonPointer, "jsonPointer is null")));
    }

    /** Where the value of the node at {@code jsonPointer} starts (after the key of a mapping entry). */
    public Optional<SourcePosition> valueOf(String jsonPointer) {
        return Optional.ofNullable(values.get(requireNonNull(jsonPointer, "jsonPointer is null")));
    }

    /** The JSON Pointer of {@code parent}'s child {@code segment} (a key or a list index), escaped per RFC 6901. */
    public static String child(String parent, Object segment) {
        return parent + "/" + segment.toString().replace("~", "~0").replace("/", "~1");
    }

    /** The JSON Pointer made of {@code segments}, each a key or a list index. */
    public static String pointer(Object... segments) {
        String result = "";
        for (Object segment : segments) {
            result = child(result, segment);
        }
        return result;
    }

    /** Collects positions while a file is read once. Not thread-safe. */
    static final class Builder {
        private final Map<String, SourcePosition> starts = new HashMap<>();
        private final Map<String, SourcePosition> values = new HashMap<>();

        void start(String pointer, SourcePosition position) {
            starts.putIfAbsent(pointer, position);
        }

        void value(String pointer, SourcePosition position) {
            values.putIfAbsent(pointer, position);
            starts.putIfAbsent(pointer, position);
        }

        Optional<SourcePosition> startOf(String pointer) {
            return Optional.ofNullable(starts.get(pointer));
        }

        SourcePositions build() {
            return new SourcePositions(starts, values);
        }
    }
}
