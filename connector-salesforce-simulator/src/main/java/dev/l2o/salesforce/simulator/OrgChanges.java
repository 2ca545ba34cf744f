package dev.l2o.salesforce.simulator;

import static java.util.Objects.requireNonNull;

import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.FlowDefinition;
import com.sforce.soap.metadata.FlowVersionStatus;
import com.sforce.soap.metadata.StandardValue;
import com.sforce.soap.metadata.StandardValueSet;
import dev.l2o.salesforce.wsc.WscXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Random, seeded changes to an org, as a day of work leaves them: opportunities moved to another stage, amounts
 * edited (each writes an OpportunityHistory row, as Salesforce does), opportunities deleted and created, a stage
 * of {@code OpportunityStage} deactivated, a flow deactivated (its {@code FlowDefinition}) and another edited.
 * Every change carries a time in the hour before {@code at}; changed metadata reports {@code at} as its
 * {@code lastModifiedDate}. For tests and benchmarks of incremental reads ({@link SalesforceSimulator#replace}).
 * Stateless.
 */
public final class OrgChanges {
    private OrgChanges() {}

    /**
     * A changed org.
     *
     * @param org the org after the changes
     * @param changedOpportunities how many opportunities were moved, edited, deleted or created
     */
    public record Changed(SimulatedOrg org, int changedOpportunities) {
        public Changed {
            requireNonNull(org, "org is null");
        }
    }

    /** The values of an opportunity's latest history row. */
    private record Latest(String stage, long createdMillis, double amount, long closeEpochDay, double probability, String forecast) {}

    /**
     * Changes about {@code share} of the opportunities of {@code org}: of those chosen a third move to another
     * stage, a third get a new amount, a sixth are deleted and for each sixth a new opportunity is created.
     */
    public static Changed random(SimulatedOrg org, long seed, Instant at, double share) {
        return random(org, seed, at, share, true, true);
    }

    /**
     * As {@link #random(SimulatedOrg, long, Instant, double)}, changing only the opportunities: the nightly case of an
     * org whose setup nobody touched that day.
     */
    public static Changed dealsOnly(SimulatedOrg org, long seed, Instant at, double share) {
        return random(org, seed, at, share, false, false);
    }

    /** As {@link #random(SimulatedOrg, long, Instant, double)} with the flows changed but no stage deactivated. */
    public static Changed dealsAndFlows(SimulatedOrg org, long seed, Instant at, double share) {
        return random(org, seed, at, share, false, true);
    }

    private static Changed random(SimulatedOrg org, long seed, Instant at, double share, boolean deactivateStage, boolean changeFlows) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Latest> latest = new TreeMap<>();
        Map<String, Latest> byStage = new TreeMap<>();
        HistoryTable.HistoryRow row = new HistoryTable.HistoryRow();
        for (int i = 0; i < org.history().size(); i++) {
            org.history().read(i, row);
            Latest current = latest.get(row.opportunityId);
            Latest candidate = new Latest(row.stageName, row.createdMillis, row.amount, row.closeEpochDay, row.probability,
                    row.forecastCategory);
            if (current == null || row.createdMillis >= current.createdMillis()) {
                latest.put(row.opportunityId, candidate);
            }
            byStage.putIfAbsent(row.stageName, candidate);
        }
        List<String> stages = List.copyOf(byStage.keySet());
        List<ChangedHistoryTable.AddedRow> added = new ArrayList<>();
        Map<String, Instant> deleted = new HashMap<>();
        int changed = 0;
        int created = 0;
        for (Map.Entry<String, Latest> entry : latest.entrySet()) {
            if (random.nextDouble() >= share) {
                continue;
            }
            changed++;
            Latest before = entry.getValue();
            long when = at.minus(Duration.ofSeconds(1 + random.nextInt(3_600))).toEpochMilli();
            int kind = random.nextInt(6);
            if (kind <= 1) {
                Latest stage = byStage.get(stages.get(random.nextInt(stages.size())));
                added.add(row(added.size(), entry.getKey(), stage.stage(), when, before.amount(), before.closeEpochDay(), stage.probability(),
                        stage.forecast()));
            } else if (kind <= 3) {
                added.add(row(added.size(), entry.getKey(), before.stage(), when, 1_000.0 * (5 + random.nextInt(196)), before.closeEpochDay(),
                        before.probability(), before.forecast()));
            } else if (kind == 4) {
                deleted.put(entry.getKey(), Instant.ofEpochMilli(when));
            } else {
                Latest first = byStage.get(stages.get(0));
                String id = String.format(Locale.ROOT, "006zz%010dAAA", ++created);
                added.add(row(added.size(), id, first.stage(), when, 1_000.0 * (5 + random.nextInt(196)), before.closeEpochDay(),
                        first.probability(), first.forecast()));
            }
        }
        List<MetadataStore.Component> metadata = new ArrayList<>();
        List<SimulatedOrg.SetupAuditRow> audited = new ArrayList<>();
        if (deactivateStage) {
            deactivateOneStage(org, metadata, at, audited);
        }
        if (changeFlows) {
            changeFlows(org, metadata, at, audited);
        }
        return new Changed(org.withChanges(added, deleted, metadata, Set.of(), at, audited), changed);
    }

    /** {@code org} with opportunity {@code id} deleted at {@code at} (its history goes with it). */
    public static SimulatedOrg deleted(SimulatedOrg org, String id, Instant at) {
        return org.withChanges(List.of(), Map.of(id, at), List.of(), Set.of(), at, List.of());
    }

    /**
     * {@code org} (as before the deletion) with opportunity {@code id} restored from the recycle bin at {@code at}:
     * its record and old history rows are back, and only its {@code SystemModstamp} says so.
     */
    public static SimulatedOrg restored(SimulatedOrg org, String id, Instant at) {
        return org.withTouched(Map.of(id, at));
    }

    private static ChangedHistoryTable.AddedRow row(int sequence, String opportunityId, String stage, long when, double amount, long closeDay,
            double probability, String forecast) {
        return new ChangedHistoryTable.AddedRow(String.format(Locale.ROOT, "008zz%010dAAA", sequence + 1), opportunityId, stage, when,
                amount, closeDay, probability, forecast);
    }

    /** Who makes the day's setup changes in the trail. */
    private static final String ADMIN = "Priya Raman";

    /**
     * The first active open value of {@code OpportunityStage} deactivated, audited as Setup does it (section and action
     * as real trails show them: {@code deactivatePicklistValueWithColor}, "Deactivated value X from Stage picklist ...").
     */
    private static void deactivateOneStage(SimulatedOrg org, List<MetadataStore.Component> changed, Instant at,
            List<SimulatedOrg.SetupAuditRow> audited) {
        MetadataStore.Component component = org.metadata().find("StandardValueSet", "OpportunityStage");
        if (component == null) {
            return;
        }
        StandardValueSet copy = (StandardValueSet) MetadataStoreBuilder.copyOf(component.record(), "StandardValueSet");
        for (StandardValue value : copy.getStandardValue() == null ? new StandardValue[0] : copy.getStandardValue()) {
            if (!value.getClosed() && (value.isIsActive() || !isActiveSet(value))) {
                value.setIsActive(false);
                changed.add(new MetadataStore.Component(component.type(), component.fullName(), component.fileName(), copy));
                audited.add(new SimulatedOrg.SetupAuditRow(at, ADMIN, "deactivatePicklistValueWithColor", "Customize Opportunities",
                        "Deactivated value " + value.getFullName() + " from Stage picklist with color Assigned dynamically"));
                return;
            }
        }
    }

    private static boolean isActiveSet(StandardValue value) {
        // WSC writes isActive only when it was set; unset reads as active in the mapper
        return new String(WscXml.write(value, "standardValue"), StandardCharsets.UTF_8)
                .contains("isActive");
    }

    /**
     * The first flow with a definition deactivated (or, in an org without definitions, the first flow set to
     * draft), and the last flow's description edited (a new version), each audited in the {@code Flows} section.
     */
    private static void changeFlows(SimulatedOrg org, List<MetadataStore.Component> changed, Instant at,
            List<SimulatedOrg.SetupAuditRow> audited) {
        List<MetadataStore.Component> flows = org.metadata().list("Flow");
        boolean deactivated = false;
        for (MetadataStore.Component flow : flows) {
            MetadataStore.Component definition = org.metadata().find("FlowDefinition", flow.fullName());
            if (definition != null) {
                FlowDefinition copy = (FlowDefinition) MetadataStoreBuilder.copyOf(definition.record(), "FlowDefinition");
                copy.setActiveVersionNumber(0);
                changed.add(new MetadataStore.Component(definition.type(), definition.fullName(), definition.fileName(), copy));
                audited.add(flowRow(at, "deactivatedinteractiondefinition", "Deactivated flow with Name \"" + label(flow) + "\" and Unique Name \""
                        + flow.fullName() + "\""));
                deactivated = true;
                break;
            }
        }
        if (!deactivated && flows.size() > 1) {
            MetadataStore.Component first = flows.get(0);
            Flow copy = (Flow) MetadataStoreBuilder.copyOf(first.record(), "Flow");
            copy.setStatus(copy.getStatus() == FlowVersionStatus.Active
                    ? FlowVersionStatus.Draft : FlowVersionStatus.Active);
            changed.add(new MetadataStore.Component(first.type(), first.fullName(), first.fileName(), copy));
            boolean active = copy.getStatus() == FlowVersionStatus.Active;
            audited.add(flowRow(at, active ? "activatedinteractiondefinition" : "deactivatedinteractiondefinition",
                    (active ? "Activated" : "Deactivated") + " flow with Name \"" + label(first) + "\" and Unique Name \"" + first.fullName() + "\""));
        }
        if (!flows.isEmpty()) {
            MetadataStore.Component last = flows.get(flows.size() - 1);
            Flow copy = (Flow) MetadataStoreBuilder.copyOf(last.record(), "Flow");
            copy.setDescription("Edited on the day of the changes");
            changed.add(new MetadataStore.Component(last.type(), last.fullName(), last.fileName(), copy));
            audited.add(flowRow(at, "createdinteractiondefversion", "Created flow version #2 \"" + label(last) + "\" for flow with Unique Name \""
                    + last.fullName() + "\""));
        }
    }

    private static SimulatedOrg.SetupAuditRow flowRow(Instant at, String action, String display) {
        return new SimulatedOrg.SetupAuditRow(at, ADMIN, action, "Flows", display);
    }

    private static String label(MetadataStore.Component flow) {
        String label = ((Flow) flow.record()).getLabel();
        return label == null ? flow.fullName() : label;
    }
}
