package dev.l2o.report;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.List;

/** The diff writers by format name: what {@code l2o diff --format} accepts. */
public final class DiffWriters {
    private static final List<DiffWriter> ALL = List.of(new TextDiffWriter(), new JsonDiffWriter(), new MarkdownDiffWriter());

    private DiffWriters() {}

    /** Every diff format name. */
    public static List<String> formats() {
        return ALL.stream().map(DiffWriter::format).toList();
    }

    public static DiffWriter forFormat(String format) {
        return ALL.stream().filter(w -> w.format().equals(format)).findFirst()
                .orElseThrow(() -> new L2oException(ErrorCode.BAD_ARGUMENT, "unknown --format '" + format + "' for l2o diff: use one of "
                        + String.join(", ", formats())));
    }
}
