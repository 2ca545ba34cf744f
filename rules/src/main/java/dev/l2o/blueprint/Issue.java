package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

/**
 * A problem found in the document tree, before it has a line and column.
 *
 * @param pointer the JSON Pointer of the node it is about
 * @param atValue whether it points at the node's value (a wrong value) rather than where the node starts (its
 *     key: an unknown key, a missing child)
 * @param position where it is when the node cannot say (YAML structure problems), else null
 * @param message one sentence
 */
record Issue(String pointer, boolean atValue, SourcePosition position, String message) {
    Issue {
        requireNonNull(pointer, "pointer is null");
        requireNonNull(message, "message is null");
    }

    static Issue atKey(String pointer, String message) {
        return new Issue(pointer, false, null, message);
    }

    static Issue atValue(String pointer, String message) {
        return new Issue(pointer, true, null, message);
    }

    static Issue at(SourcePosition position, String message) {
        return new Issue("", false, requireNonNull(position, "position is null"), message);
    }
}
