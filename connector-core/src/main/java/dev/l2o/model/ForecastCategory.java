package dev.l2o.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Forecast categories in one vocabulary. Salesforce's API value {@code Forecast} is the UI's "Commit" and
 * {@code BestCase} is "Best Case"; data exports write the labels, the API writes the values: both parse.
 */
public enum ForecastCategory {
    PIPELINE("Pipeline"),
    BEST_CASE("BestCase"),
    MOST_LIKELY("MostLikely"),
    COMMIT("Commit"),
    CLOSED("Closed"),
    OMITTED("Omitted");

    private final String blueprintName;

    ForecastCategory(String blueprintName) {
        this.blueprintName = blueprintName;
    }

    /** The name the blueprint uses ({@code Pipeline|BestCase|MostLikely|Commit|Closed|Omitted}). */
    public String blueprintName() {
        return blueprintName;
    }

    /** Parses an API value, a UI label or a blueprint name; empty for blank or unknown text. */
    public static Optional<ForecastCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        return Optional.ofNullable(switch (key) {
            case "pipeline" -> PIPELINE;
            case "bestcase" -> BEST_CASE;
            case "mostlikely" -> MOST_LIKELY;
            case "commit", "forecast" -> COMMIT;
            case "closed" -> CLOSED;
            case "omitted" -> OMITTED;
            default -> null;
        });
    }
}
