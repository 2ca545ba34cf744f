package dev.l2o.hubspot.simulator;

import dev.l2o.hubspot.simulator.PortalDescription.ContactSpec;
import dev.l2o.hubspot.simulator.PortalDescription.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The portal's contacts by position: the described ones, then the generated ones, made on demand from the seed
 * and their position (no memory for any number, the same seed gives the same contacts). Thread-safe.
 */
final class ContactSource {
    /** Generated contact ids start here. */
    static final long GENERATED_ID_BASE = 40_000_000_000L;
    /** HubSpot's default lifecycle stages in their order. */
    static final List<String> LIFECYCLE = List.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
            "customer");
    /**
     * Per stage, the percentage of contacts in it that move on to the next one: most subscribers become leads,
     * most leads are qualified by marketing, but sales accepts only a third of MQLs at best
     * (the demo portal's 300 contacts, seed 7, come out between 25 and 30 %, below its blueprint's 32 % target).
     */
    private static final int[] MOVES_ON_PERCENT = {85, 70, 33, 65, 45};
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final List<String> SOURCE_TYPES = List.of("CRM_UI", "CRM_UI", "AUTOMATION_PLATFORM", "AUTOMATION_PLATFORM", "FORM",
            "IMPORT");

    private final List<ContactSpec> listed;
    private final PortalDescription.GenerateSpec generate;
    private final List<Long> userIds;

    ContactSource(PortalDescription portal) {
        this.listed = portal.contacts();
        this.generate = portal.generate();
        this.userIds = portal.owners().stream().filter(o -> !o.archived() && o.userId() != null).map(PortalDescription.OwnerSpec::userId)
                .toList();
    }

    int size() {
        return listed.size() + (generate == null ? 0 : generate.contacts());
    }

    ContactSpec contact(int index) {
        return index < listed.size() ? listed.get(index) : generated(index - listed.size());
    }

    /**
     * A generated contact: it starts as a subscriber or a lead and moves forward through the default lifecycle
     * while the per-stage odds allow. Now and then a stage is set again later (an import or a form resubmission:
     * HubSpot records the same value twice) or the same entry is recorded twice at one instant. Newest first.
     */
    private ContactSpec generated(int n) {
        SplittableRandom random = new SplittableRandom(generate.seed() * 0xBF58476D1CE4E5B9L + n + 1);
        long at = generate.from().toEpochMilli() + random.nextLong(365 * DAY_MILLIS);
        long created = at;
        int position = random.nextInt(5) < 3 ? 0 : 1;
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry(LIFECYCLE.get(position), at, random));
        while (position + 1 < LIFECYCLE.size() && random.nextInt(100) < MOVES_ON_PERCENT[position]) {
            at += DAY_MILLIS / 24 + random.nextLong(30 * DAY_MILLIS);
            position++;
            history.add(entry(LIFECYCLE.get(position), at, random));
            int roll = random.nextInt(100);
            if (roll < 4) {
                at += DAY_MILLIS / 24 + random.nextLong(5 * DAY_MILLIS);
                history.add(entry(LIFECYCLE.get(position), at, random));
            } else if (roll < 7) {
                history.add(history.get(history.size() - 1));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("email", "contact" + (n + 1) + "@example.com");
        properties.put("createdate", Instant.ofEpochMilli(created).toString());
        properties.put("lifecyclestage", LIFECYCLE.get(position));
        Collections.reverse(history); // newest first, as HubSpot serves them
        return new ContactSpec(String.valueOf(GENERATED_ID_BASE + n), properties, history);
    }

    private HistoryEntry entry(String stage, long at, SplittableRandom random) {
        String sourceType = SOURCE_TYPES.get(random.nextInt(SOURCE_TYPES.size()));
        Long userId = sourceType.equals("CRM_UI") && !userIds.isEmpty() ? userIds.get(random.nextInt(userIds.size())) : null;
        return new HistoryEntry(stage, Instant.ofEpochMilli(at), sourceType, userId == null ? null : "userId:" + userId, userId);
    }
}
