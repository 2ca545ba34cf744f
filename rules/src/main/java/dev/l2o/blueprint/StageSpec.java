package dev.l2o.blueprint;

import dev.l2o.model.ForecastCategory;
import java.util.Optional;

/**
 * One designed opportunity stage.
 *
 * @param key unique key (required)
 * @param label display label, or null
 * @param crm per-CRM stage name, label or id; absent: match by key or label, ignoring case
 * @param probability default probability 0–100, or null when not designed
 * @param forecastCategory {@code Pipeline|BestCase|MostLikely|Commit|Closed|Omitted} ({@code Forecast} accepted
 *     as Commit), or null
 * @param closed whether the stage is closed (default false)
 * @param won whether the stage is won (default false)
 * @param entry fields required to enter
 * @param exit fields required to leave
 * @param maxDaysInStage the time benchmark, or null
 */
public record StageSpec(
        String key,
        String label,
        CrmMapping crm,
        Double probability,
        String forecastCategory,
        Boolean closed,
        Boolean won,
        Criteria entry,
        Criteria exit,
        Integer maxDaysInStage) {
    public StageSpec {
        crm = crm == null ? new CrmMapping(null, null) : crm;
        closed = closed != null && closed;
        won = won != null && won;
        entry = entry == null ? new Criteria(null) : entry;
        exit = exit == null ? new Criteria(null) : exit;
    }

    public String displayName() {
        return label == null ? key : label;
    }

    public Optional<ForecastCategory> forecast() {
        return ForecastCategory.parse(forecastCategory);
    }
}
