package dev.l2o.connector;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What live connectors share to read incrementally: whether a previous snapshot may serve as the base of this
 * fetch, the source attributes that record how a snapshot was read, and the merge of re-read records into the
 * base's.
 *
 * <p>A snapshot read by a live connector carries, in its {@link SourceInfo#attributes()}: {@value #FETCH}
 * ({@code full} or {@code incremental}), {@value #FETCH_REASON} (why full, or what an incremental read
 * re-read), {@value #WATERMARK} (when the fetch started: what changed after it is the next run's to read),
 * {@value #FINGERPRINT} (a digest of what the fetch asked for) and, when incremental, {@value #SINCE} (the
 * time changes were read from: the base's watermark less the overlap). The org or portal id is recorded by
 * each connector under its own key. Stateless and thread-safe.
 */
public final class IncrementalFetch {
    /** {@code full} or {@code incremental}. */
    public static final String FETCH = "fetch";
    /** Why the fetch was full, or what the incremental fetch read. */
    public static final String FETCH_REASON = "fetchReason";
    /** When the fetch started (ISO-8601 instant, the connector's clock). */
    public static final String WATERMARK = "watermark";
    /** An incremental fetch's lower bound: changes after this instant were read. */
    public static final String SINCE = "fetchSince";
    /** A digest of the request (and connector-specific choices) the fetch answered. */
    public static final String FINGERPRINT = "fetchFingerprint";
    /**
     * Changes are read from this long before the base's watermark: the watermark is the client's clock while
     * the CRM stamps changes with its own (skew), and a transaction that started before the previous fetch may
     * commit after it with an earlier timestamp (late commit). Rows read twice are deduplicated by the merge.
     */
    public static final Duration OVERLAP = Duration.ofMinutes(15);

    private IncrementalFetch() {}

    /**
     * Whether a fetch may build on a previous snapshot.
     *
     * @param base the previous snapshot to merge changes into, or null for a full fetch
     * @param since changes after this instant are to be read (whole seconds, the base's watermark less
     *     {@link #OVERLAP}); null for a full fetch
     * @param reason why the fetch is full; null for an incremental one
     */
    public record Plan(Snapshot base, Instant since, String reason) {
        public Plan {
            if ((base == null) != (since == null) || (base == null) == (reason == null)) {
                throw new IllegalArgumentException("an incremental plan has a base and a start, a full one a reason");
            }
        }

        public static Plan full(String reason) {
            return new Plan(null, null, requireNonNull(reason, "reason is null"));
        }

        public boolean incremental() {
            return base != null;
        }
    }

    /**
     * Decides whether {@code previous} can be the base of a fetch from {@code crm} of the org or portal whose id
     * is {@code identity} (recorded under {@code identityKey}), asking what {@code fingerprint} digests, at
     * {@code now}. It can when it is present, from a live source of the same CRM and org, complete, with a
     * watermark not in the future and within {@code retention} (how far back the CRM lets deletions and
     * history be read), and asked for the same data; otherwise the plan is a full fetch with the reason.
     */
    public static Plan plan(PreviousSnapshot previous, String crm, String identityKey, String identity, String fingerprint,
            Instant now, Duration retention) {
        requireNonNull(previous, "previous is null");
        if (previous.snapshot() == null) {
            return Plan.full(previous.absentReason());
        }
        Snapshot base = previous.snapshot();
        Map<String, String> attributes = base.source().attributes();
        if (!base.source().type().equals(crm)) {
            return Plan.full("the previous snapshot was read from " + base.source().type() + ", not from a live " + crm + " source");
        }
        String previousIdentity = attributes.get(identityKey);
        if (previousIdentity == null) {
            return Plan.full("the previous snapshot does not record its " + identityKey);
        }
        if (!previousIdentity.equals(identity)) {
            return Plan.full("the previous snapshot is of another " + (crm.equals("hubspot") ? "portal" : "org") + " (" + identityKey
                    + " " + previousIdentity + ", this one is " + identity + ")");
        }
        if (!base.completeness().complete()) {
            return Plan.full("the previous snapshot is incomplete");
        }
        Instant watermark;
        try {
            String text = attributes.get(WATERMARK);
            if (text == null) {
                return Plan.full("the previous snapshot has no watermark");
            }
            watermark = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Plan.full("the previous snapshot's watermark is not a time");
        }
        if (watermark.isAfter(now)) {
            return Plan.full("the previous snapshot's watermark " + watermark + " is later than now (" + now + ")");
        }
        if (Duration.between(watermark, now).compareTo(retention) > 0) {
            return Plan.full("the previous snapshot's watermark " + watermark + " is older than the " + retention.toDays()
                    + " days " + crm + " keeps what an incremental read needs");
        }
        if (!fingerprint.equals(attributes.get(FINGERPRINT))) {
            return Plan.full("the audit asks for other objects, fields or history than the previous snapshot holds");
        }
        return new Plan(base, watermark.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS), null);
    }

    /** A digest of the request and {@code choices} (what else decides the snapshot's content, such as property lists). */
    public static String fingerprint(FetchRequest request, String choices) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((request + "\n" + choices).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The source attributes of a fetch under {@code plan}: {@code attributes} plus how it was read.
     *
     * @param watermark when this fetch started
     * @param detail for an incremental fetch, what it re-read (one clause); ignored for a full one
     */
    public static Map<String, String> attributes(Map<String, String> attributes, Plan plan, Instant watermark, String fingerprint,
            String detail) {
        Map<String, String> all = new TreeMap<>(attributes);
        all.put(FETCH, plan.incremental() ? "incremental" : "full");
        all.put(FETCH_REASON, plan.incremental() ? detail : plan.reason());
        all.put(WATERMARK, watermark.toString());
        all.put(FINGERPRINT, fingerprint);
        if (plan.incremental()) {
            all.put(SINCE, plan.since().toString());
        }
        return all;
    }

    /** {@code snapshot} marked as read in full for {@code reason}. */
    public static Snapshot markFull(Snapshot snapshot, String reason) {
        Map<String, String> attributes = new TreeMap<>(snapshot.source().attributes());
        attributes.put(FETCH, "full");
        attributes.put(FETCH_REASON, reason);
        SourceInfo source = new SourceInfo(snapshot.source().type(), snapshot.source().location(), attributes);
        return new Snapshot(source, snapshot.crm(), snapshot.asOf(), snapshot.completeness(), snapshot.pipelines(), snapshot.fields(),
                snapshot.automations(), snapshot.assignmentRules(), snapshot.assignees(), snapshot.records(), snapshot.history());
    }

    /**
     * The base's records of one object brought up to date: a re-read record replaces the base's of the same id
     * where it stood, records in {@code deleted} go, and records the base did not have follow in the order
     * re-read (CRMs list new records after older ones).
     *
     * @param base the base snapshot's records of the object, in its order
     * @param reread the records of the object changed or created since the base
     * @param deleted ids of the object's records deleted since the base
     */
    public static List<CrmRecord> mergeRecords(List<CrmRecord> base, List<CrmRecord> reread, Set<String> deleted) {
        Map<String, CrmRecord> byId = new LinkedHashMap<>();
        reread.forEach(record -> byId.put(record.id(), record));
        Set<String> placed = new HashSet<>();
        List<CrmRecord> merged = new ArrayList<>(base.size() + reread.size());
        for (CrmRecord record : base) {
            if (!deleted.contains(record.id())) {
                merged.add(byId.getOrDefault(record.id(), record));
                placed.add(record.id());
            }
        }
        byId.values().stream().filter(record -> !placed.contains(record.id()) && !deleted.contains(record.id())).forEach(merged::add);
        return merged;
    }
}
