package dev.l2o.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stages met in a history, each (object, stage name) given a code in the order first met. Rows are held with
 * these codes while the history is read once for every lifecycle; each lifecycle turns a code into its own stage
 * slot ({@link StageSlots#resolve}) only when it walks a record that has it, so a lifecycle lists no stage that only
 * other lifecycles' records visited. Objects compare ignoring case. Not thread-safe.
 */
final class StageCodes {
    private final Map<String, Map<String, Integer>> byObject = new HashMap<>();
    private final List<String> objects = new ArrayList<>();
    private final List<String> stages = new ArrayList<>();
    private String lastObject;
    private String lastStage;
    private int lastCode = -1;

    /** The code of stage {@code stage} of rows of {@code object}, new when first met. */
    int code(String object, String stage) {
        // Rows of one record usually repeat the stage: the same strings often arrive again.
        if (stage.equals(lastStage) && object.equals(lastObject)) {
            return lastCode;
        }
        Map<String, Integer> codes = byObject.computeIfAbsent(object.toLowerCase(Locale.ROOT), key -> new HashMap<>());
        Integer known = codes.get(stage);
        int code;
        if (known != null) {
            code = known;
        } else {
            code = stages.size();
            objects.add(object);
            stages.add(stage);
            codes.put(stage, code);
        }
        lastObject = object;
        lastStage = stage;
        lastCode = code;
        return code;
    }

    /** The object of the rows with {@code code}, as first met. */
    String object(int code) {
        return objects.get(code);
    }

    /** The history's stage name of {@code code}. */
    String stage(int code) {
        return stages.get(code);
    }

    int size() {
        return stages.size();
    }
}
