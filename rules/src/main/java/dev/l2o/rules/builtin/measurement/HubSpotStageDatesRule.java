package dev.l2o.rules.builtin.measurement;

import dev.l2o.model.Crm;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code L2O-HUBSPOT-STAGE-DATES}: HubSpot keeps its own per-stage figures on every deal
 * ({@code hs_v2_date_entered_<stageId>}, {@code hs_v2_cumulative_time_in_<stageId>}, or the legacy
 * {@code hs_date_entered_} / {@code hs_time_in_} family). Time-in-stage metrics come from the
 * {@code dealstage} history instead; where the two disagree, one of them cannot be trusted (history edited by
 * imports, stage-date properties reset by a pipeline change), and the report says so per stage.
 *
 * <p>Per deal and stage: the date entered must equal the start of the deal's latest stay in the stage
 * (within a minute), and, for stages the deal has left, the cumulative time must equal the sum of its stays
 * (within a minute or 1%). Needs history grouped by record ({@link StageHistory#sortedByRecord()}), as the
 * HubSpot connector delivers it; otherwise the rule says nothing.
 */
public final class HubSpotStageDatesRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-HUBSPOT-STAGE-DATES",
            "HubSpot stage dates disagree with the stage history",
            "HubSpot's calculated per-stage properties (date entered, cumulative time in stage) do not match "
                    + "the deal stage history that l2o's time-in-stage metrics are computed from. One of the two "
                    + "was rewritten (imports, pipeline changes, deleted history), so time-in-stage figures of "
                    + "that stage differ depending on which HubSpot report is read.",
            Dimension.MEASUREMENT,
            Severity.WARNING);
    private static final long TOLERANCE_MILLIS = 60_000;
    private static final int EXAMPLES = 5;

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        StageHistory history = snapshot.history();
        if (!snapshot.is(Crm.HUBSPOT) || history == null || !history.sortedByRecord()) {
            return;
        }
        Map<String, CrmRecord> deals = new HashMap<>();
        for (CrmRecord record : snapshot.records()) {
            if (record.object().equals("deals") && hasStageDates(record)) {
                deals.put(record.id(), record);
            }
        }
        if (deals.isEmpty()) {
            return;
        }
        Map<String, Disagreement> byStage = new TreeMap<>();
        List<StageEvent> group = new ArrayList<>();
        history.forEach(event -> {
            if (!group.isEmpty() && !group.get(0).recordId().equals(event.recordId())) {
                compare(group, deals, byStage);
                group.clear();
            }
            group.add(event);
        });
        compare(group, deals, byStage);
        byStage.forEach((stageId, disagreement) -> {
            String address = stageAddress(snapshot, stageId);
            context.report(FindingDraft.of(DriftKind.MISMATCH, address, disagreement.ids.size()
                            + " deals' HubSpot stage-date properties for stage '" + stageId
                            + "' disagree with their stage history (" + disagreement.describe() + ").")
                    .expectedActual("stage-date properties equal to the history", disagreement.ids.size() + " deals differ")
                    .counted(disagreement.ids.size(), disagreement.ids.stream().limit(EXAMPLES).toList()));
        });
    }

    private static boolean hasStageDates(CrmRecord record) {
        return record.values().keySet().stream().anyMatch(k -> k.startsWith("hs_v2_date_entered_") || k.startsWith("hs_date_entered_")
                || k.startsWith("hs_v2_cumulative_time_in_") || k.startsWith("hs_time_in_"));
    }

    /** Compares one deal's history (rows in time order) with its stage-date properties. */
    private static void compare(List<StageEvent> rows, Map<String, CrmRecord> deals, Map<String, Disagreement> byStage) {
        if (rows.isEmpty()) {
            return;
        }
        CrmRecord deal = deals.get(rows.get(0).recordId());
        if (deal == null) {
            return;
        }
        Map<String, Instant> latestStart = new LinkedHashMap<>();
        Map<String, Long> completedMillis = new HashMap<>();
        String current = null;
        Instant stayStart = null;
        for (StageEvent row : rows) {
            if (row.stage().equals(current)) {
                continue;
            }
            if (current != null) {
                completedMillis.merge(current, row.at().toEpochMilli() - stayStart.toEpochMilli(), Long::sum);
            }
            current = row.stage();
            stayStart = row.at();
            latestStart.put(current, stayStart);
        }
        String open = current;
        for (Map.Entry<String, Instant> entry : latestStart.entrySet()) {
            String stage = entry.getKey();
            Instant entered = instant(value(deal, "hs_v2_date_entered_" + stage, "hs_date_entered_" + stage));
            if (entered != null && Math.abs(entered.toEpochMilli() - entry.getValue().toEpochMilli()) > TOLERANCE_MILLIS) {
                byStage.computeIfAbsent(stage, s -> new Disagreement()).enteredDiffers(deal.id());
                continue;
            }
            Double cumulative = number(value(deal, "hs_v2_cumulative_time_in_" + stage, "hs_time_in_" + stage));
            Long measured = completedMillis.get(stage);
            if (cumulative != null && measured != null && !stage.equals(open)) {
                double difference = Math.abs(cumulative - measured);
                if (difference > TOLERANCE_MILLIS && difference > measured * 0.01) {
                    byStage.computeIfAbsent(stage, s -> new Disagreement()).timeDiffers(deal.id());
                }
            }
        }
    }

    private static Object value(CrmRecord deal, String current, String legacy) {
        Object value = deal.values().get(current);
        return value != null ? value : deal.values().get(legacy);
    }

    /** HubSpot writes date-times as ISO text, or epoch milliseconds in older properties. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return text.matches("\\d+(\\.0)?") ? Instant.ofEpochMilli((long) Double.parseDouble(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : Double.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stageAddress(Snapshot snapshot, String stageId) {
        for (Pipeline pipeline : snapshot.pipelinesOf("deals")) {
            for (Stage stage : pipeline.stages()) {
                if (stage.apiName().equals(stageId)) {
                    return stage.ref().address();
                }
            }
        }
        return "hubspot:deals.dealstage#" + stageId;
    }

    /** Deals of one stage whose properties disagree, and how. */
    private static final class Disagreement {
        private final TreeSet<String> ids = new TreeSet<>();
        private int entered;
        private int time;

        void enteredDiffers(String id) {
            ids.add(id);
            entered++;
        }

        void timeDiffers(String id) {
            ids.add(id);
            time++;
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (entered > 0) {
                parts.add(entered + " with another date entered");
            }
            if (time > 0) {
                parts.add(time + " with another cumulative time in stage");
            }
            return String.join(", ", parts);
        }
    }
}
