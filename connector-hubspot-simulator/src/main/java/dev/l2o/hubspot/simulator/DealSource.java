package dev.l2o.hubspot.simulator;

import dev.l2o.hubspot.simulator.PortalDescription.DealSpec;
import dev.l2o.hubspot.simulator.PortalDescription.HistoryEntry;
import dev.l2o.hubspot.simulator.PortalDescription.OwnerSpec;
import dev.l2o.hubspot.simulator.PortalDescription.PipelineSpec;
import dev.l2o.hubspot.simulator.PortalDescription.StageSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The portal's deals by position: the described ones, then the generated ones. Generated deals are made on
 * demand from the seed and their position, so a portal of any size costs no memory and the same seed always
 * gives the same deals. Thread-safe.
 */
final class DealSource {
    /** Generated deal ids start here, like HubSpot's large numeric ids. */
    static final long GENERATED_ID_BASE = 30_000_000_000L;
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final List<String> SOURCE_TYPES = List.of("CRM_UI", "CRM_UI", "CRM_UI", "API", "AUTOMATION_PLATFORM", "IMPORT");

    private final List<DealSpec> listed;
    private final Map<String, Integer> listedIndex = new HashMap<>();
    private final PortalDescription.GenerateSpec generate;
    private final List<PipelineSpec> pipelines;
    private final List<OwnerSpec> owners;

    DealSource(PortalDescription portal) {
        this.listed = portal.deals();
        for (int i = 0; i < listed.size(); i++) {
            listedIndex.put(listed.get(i).id(), i);
        }
        this.generate = portal.generate();
        this.pipelines = portal.effectivePipelines();
        this.owners = portal.owners().stream().filter(o -> !o.archived() && "PERSON".equals(o.type())).toList();
    }

    int size() {
        return listed.size() + (generate == null ? 0 : generate.deals());
    }

    DealSpec deal(int index) {
        return index < listed.size() ? listed.get(index) : generated(index - listed.size());
    }

    /** The position of the deal with this id, or -1. */
    int indexOf(String id) {
        Integer listedAt = listedIndex.get(id);
        if (listedAt != null) {
            return listedAt;
        }
        if (generate == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(id) - GENERATED_ID_BASE;
            return n >= 0 && n < generate.deals() ? (int) n + listed.size() : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A generated deal: four in five in the first pipeline; it walks forward through the open stages, may be
     * lost at any of them, sometimes stops (still open), occasionally moves back a stage or is set to the stage
     * it is already in (HubSpot records a history entry for that too), and ends won or lost.
     */
    private DealSpec generated(int n) {
        SplittableRandom random = new SplittableRandom(generate.seed() * 0x9E3779B97F4A7C15L + n);
        PipelineSpec pipeline = pipelines.size() > 1 && random.nextInt(5) == 0 ? pipelines.get(1) : pipelines.get(0);
        List<StageSpec> stages = pipeline.stages().stream().filter(s -> !s.archived())
                .sorted(Comparator.comparingInt(StageSpec::displayOrder)).toList();
        List<StageSpec> open = stages.stream().filter(s -> !s.closed()).toList();
        StageSpec won = stages.stream().filter(s -> s.closed() && s.probability() >= 1.0).findFirst().orElse(null);
        StageSpec lost = stages.stream().filter(s -> s.closed() && s.probability() < 1.0).findFirst().orElse(null);
        String ownerId = owners.isEmpty() ? null : owners.get(random.nextInt(owners.size())).id();
        Long userId = owners.isEmpty() ? null : owners.stream().filter(o -> o.id().equals(ownerId)).findFirst().map(OwnerSpec::userId).orElse(null);

        long at = generate.from().toEpochMilli() + random.nextLong(365 * DAY_MILLIS);
        long created = at;
        List<HistoryEntry> history = new ArrayList<>();
        int position = 0;
        String stage = open.isEmpty() ? stages.get(0).id() : open.get(0).id();
        history.add(entry(stage, at, random, userId));
        boolean closed = false;
        while (!closed) {
            at += DAY_MILLIS / 4 + random.nextLong(20 * DAY_MILLIS);
            int roll = random.nextInt(100);
            if (roll < 12) {
                break; // still open
            } else if (roll < 30 && lost != null) {
                stage = lost.id();
                closed = true;
            } else if (roll < 34 && position > 0) {
                position--;
                stage = open.get(position).id();
            } else if (roll < 37) {
                // the same stage set again: a same-stage history entry
            } else if (position + 1 < open.size()) {
                position++;
                stage = open.get(position).id();
            } else {
                stage = won != null && random.nextInt(100) < 60 ? won.id() : lost == null ? stage : lost.id();
                closed = true;
            }
            history.add(entry(stage, at, random, userId));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dealname", "Deal " + (n + 1));
        properties.put("amount", String.valueOf(1_000 * (5 + random.nextInt(196))));
        properties.put("closedate", Instant.ofEpochMilli(closed ? at : at + 30 * DAY_MILLIS).toString());
        properties.put("createdate", Instant.ofEpochMilli(created).toString());
        properties.put("pipeline", pipeline.id());
        properties.put("dealstage", stage);
        properties.put("dealtype", random.nextInt(3) == 0 ? "existingbusiness" : "newbusiness");
        if (ownerId != null) {
            properties.put("hubspot_owner_id", ownerId);
        }
        Collections.reverse(history); // newest first, as HubSpot serves them
        return new DealSpec(String.valueOf(GENERATED_ID_BASE + n), properties, history);
    }

    private static HistoryEntry entry(String stage, long at, SplittableRandom random, Long userId) {
        String sourceType = SOURCE_TYPES.get(random.nextInt(SOURCE_TYPES.size()));
        boolean byUser = sourceType.equals("CRM_UI") && userId != null;
        return new HistoryEntry(stage, Instant.ofEpochMilli(at), sourceType, byUser ? "userId:" + userId : null, byUser ? userId : null);
    }
}
