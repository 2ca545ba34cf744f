package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.hubspot.simulator.PortalDescription.ContactSpec;
import dev.l2o.hubspot.simulator.PortalDescription.DealSpec;
import dev.l2o.hubspot.simulator.PortalDescription.HistoryEntry;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import dev.l2o.hubspot.simulator.PortalDescription.StageSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random, seeded changes to a portal, as a day of work leaves them: new deals, stage moves, edited and archived
 * deals, contacts moving on in their lifecycle, an archived stage and a changed workflow. Every change carries a
 * time in the hour before {@code at} and bumps the record's last-modified property, as HubSpot does. For tests
 * and benchmarks of incremental reads ({@link HubSpotSimulator#replace}). Stateless.
 */
public final class PortalChanges {
    private PortalChanges() {}

    /**
     * A changed portal.
     *
     * @param portal the portal after the changes, every deal and contact listed
     * @param archived the records archived by the changes
     * @param changedDeals how many deals were created, moved, edited or archived
     */
    public record Changed(PortalDescription portal, List<ArchivedRecord> archived, int changedDeals) {
        public Changed {
            requireNonNull(portal, "portal is null");
            archived = List.copyOf(archived);
        }
    }

    /** {@code portal} with its generated deals and contacts written out as listed ones (the same content). */
    public static PortalDescription materialize(PortalDescription portal) {
        DealSource deals = new DealSource(portal);
        ContactSource contacts = new ContactSource(portal);
        List<DealSpec> allDeals = new ArrayList<>(deals.size());
        for (int i = 0; i < deals.size(); i++) {
            allDeals.add(deals.deal(i));
        }
        List<ContactSpec> allContacts = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            allContacts.add(contacts.contact(i));
        }
        return new PortalDescription(portal.portalId(), portal.company(), portal.pipelines(), portal.dealProperties(),
                portal.contactProperties(), portal.companyProperties(), portal.owners(), portal.flows(), allDeals, null, allContacts, portal.auditLogs());
    }

    /**
     * Changes {@code share} of the deals (and of the contacts) of {@code portal}: of the chosen deals about a third
     * move to another stage, a third get a new amount, a sixth are archived and for each sixth a new deal is
     * created; one open stage of the last pipeline is archived and the first workflow is switched on or off.
     *
     * @param archived records archived before (they stay archived)
     */
    public static Changed random(PortalDescription portal, List<ArchivedRecord> archived, long seed, Instant at, double share) {
        SplittableRandom random = new SplittableRandom(seed);
        PortalDescription all = materialize(portal);
        List<ArchivedRecord> gone = new ArrayList<>(archived);
        List<DealSpec> deals = new ArrayList<>();
        List<DealSpec> created = new ArrayList<>();
        long nextId = all.deals().stream().mapToLong(d -> Long.parseLong(d.id())).max().orElse(DealSource.GENERATED_ID_BASE) + 1;
        int changed = 0;
        for (DealSpec deal : all.deals()) {
            if (random.nextDouble() >= share) {
                deals.add(deal);
                continue;
            }
            changed++;
            Instant when = at.minus(Duration.ofSeconds(1 + random.nextInt(3_600)));
            int kind = random.nextInt(6);
            if (kind <= 1) {
                deals.add(moved(deal, all, when, random));
            } else if (kind <= 3) {
                Map<String, String> properties = new LinkedHashMap<>(deal.properties());
                properties.put("amount", String.valueOf(1_000 * (5 + random.nextInt(196))));
                properties.put("hs_lastmodifieddate", when.toString());
                deals.add(new DealSpec(deal.id(), properties, deal.stageHistory()));
            } else if (kind == 4) {
                gone.add(new ArchivedRecord("deals", deal.id(), when));
            } else {
                deals.add(deal);
                String pipeline = all.effectivePipelines().get(0).id();
                String stage = all.effectivePipelines().get(0).stages().get(0).id();
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("dealname", "New deal " + nextId);
                properties.put("amount", String.valueOf(1_000 * (5 + random.nextInt(196))));
                properties.put("pipeline", pipeline);
                properties.put("dealstage", stage);
                properties.put("createdate", when.toString());
                properties.put("hs_lastmodifieddate", when.toString());
                created.add(new DealSpec(String.valueOf(nextId++), properties, List.of(new HistoryEntry(stage, when, "CRM_UI", null, null))));
            }
        }
        deals.addAll(created);
        List<ContactSpec> contacts = new ArrayList<>();
        for (ContactSpec contact : all.contacts()) {
            if (random.nextDouble() >= share || contact.lifecycleHistory().isEmpty()) {
                contacts.add(contact);
                continue;
            }
            Instant when = at.minus(Duration.ofSeconds(1 + random.nextInt(3_600)));
            List<HistoryEntry> history = new ArrayList<>(contact.lifecycleHistory());
            history.add(0, new HistoryEntry(ContactSource.LIFECYCLE.get(random.nextInt(ContactSource.LIFECYCLE.size())), when,
                    "AUTOMATION_PLATFORM", null, null));
            Map<String, String> properties = new LinkedHashMap<>(contact.properties());
            properties.remove("lifecyclestage");
            properties.put("lastmodifieddate", when.toString());
            contacts.add(new ContactSpec(contact.id(), properties, history));
        }
        return new Changed(new PortalDescription(all.portalId(), all.company(), archiveOneStage(all.effectivePipelines()),
                all.dealProperties(), all.contactProperties(), all.companyProperties(), all.owners(), toggleFirstFlow(all.flows(), at),
                deals, null, contacts, all.auditLogs()), gone, changed);
    }

    /** The deal moved to another open stage of its pipeline at {@code when}. */
    private static DealSpec moved(DealSpec deal, PortalDescription portal, Instant when, SplittableRandom random) {
        String pipelineId = deal.properties().getOrDefault("pipeline", portal.effectivePipelines().get(0).id());
        PipelineSpec pipeline = portal.effectivePipelines().stream().filter(p -> p.id().equals(pipelineId)).findFirst()
                .orElse(portal.effectivePipelines().get(0));
        List<StageSpec> open = pipeline.stages().stream().filter(s -> !s.archived()).toList();
        String stage = open.get(random.nextInt(open.size())).id();
        List<HistoryEntry> history = new ArrayList<>(deal.stageHistory());
        history.add(0, new HistoryEntry(stage, when, "CRM_UI", null, null)); // newest first, as served
        Map<String, String> properties = new LinkedHashMap<>(deal.properties());
        properties.put("dealstage", stage);
        properties.put("hs_lastmodifieddate", when.toString());
        return new DealSpec(deal.id(), properties, history);
    }

    private static List<PipelineSpec> archiveOneStage(List<PipelineSpec> pipelines) {
        List<PipelineSpec> changed = new ArrayList<>(pipelines);
        PipelineSpec last = changed.get(changed.size() - 1);
        List<StageSpec> stages = new ArrayList<>(last.stages());
        for (int i = 0; i < stages.size(); i++) {
            StageSpec stage = stages.get(i);
            if (!stage.closed() && !stage.archived()) {
                stages.set(i, new StageSpec(stage.id(), stage.label(), stage.displayOrder(), stage.probability(), false, true));
                break;
            }
        }
        changed.set(changed.size() - 1, new PipelineSpec(last.id(), last.label(), last.displayOrder(), stages));
        return changed;
    }

    private static List<ObjectNode> toggleFirstFlow(List<ObjectNode> flows, Instant at) {
        if (flows.isEmpty()) {
            return flows;
        }
        List<ObjectNode> changed = new ArrayList<>(flows);
        ObjectNode first = flows.get(0).deepCopy();
        first.put("isEnabled", !first.path("isEnabled").asBoolean(false)).put("updatedAt", at.toString());
        changed.set(0, first);
        return changed;
    }
}
