package dev.l2o.blueprint;

import java.util.List;

/** A field the architecture needs: {@code {object, name, type, required, values}}. */
public record FieldSpec(String object, String name, String type, Boolean required, List<String> values) {
    public FieldSpec {
        required = required != null && required;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
