package dev.l2o.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.http.HttpExecutor;
import dev.l2o.hubspot.HubSpotSettings;
import dev.l2o.model.Assignee;
import dev.l2o.model.Automation;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a portal into a {@link Snapshot}: deal pipelines, property definitions, the contact lifecycle,
 * owners and teams, workflows, deals with their stage history (spooled to disk) and the property
 * values the audit asked for, and, when the audit asks for history and names the contact object, contacts'
 * lifecycle stage history (spooled the same way and read after the deal history).
 *
 * <p>Authentication and permission failures end the fetch (they are the user's to fix). Any other failure
 * of a part makes the snapshot incomplete with the reason, except a failure to read the deal pipelines,
 * without which nothing usable is left: that one is thrown. Not thread-safe; one fetch per instance.
 */
public final class HubSpotFetcher implements AutoCloseable {
    /** HubSpot answers 414 somewhere above 8–16 k characters of URL; stay well below. */
    static final int MAX_URL_LENGTH = 7_000;
    /** Per-stage calculated properties, current ("v2") names first, legacy names when a portal has no v2 ones. */
    static final List<String> STAGE_DATE_PREFIXES = List.of("hs_v2_date_entered_", "hs_v2_date_exited_", "hs_v2_cumulative_time_in_");
    static final List<String> LEGACY_STAGE_DATE_PREFIXES = List.of("hs_date_entered_", "hs_date_exited_", "hs_time_in_");

    /** The source attribute that names the portal: an incremental fetch builds only on a snapshot of the same portal. */
    public static final String PORTAL_ID = "portalId";
    /**
     * How far back an incremental fetch may reach: HubSpot keeps archived (deleted) records restorable, and listed
     * with {@code archived=true}, for 90 days; deletions older than that cannot be seen, so the base must be newer.
     */
    static final Duration RETENTION = Duration.ofDays(90);
    /** The deal property that holds the id of the deal's pipeline. */
    static final String PIPELINE = "pipeline";
    /** The property HubSpot stamps on a deal at every change, which the search API filters on. */
    static final String DEALS_MODIFIED = "hs_lastmodifieddate";
    /** Contacts carry their last change in {@code lastmodifieddate}. */
    static final String CONTACTS_MODIFIED = "lastmodifieddate";

    private final HubSpotSettings settings;
    private final ConnectorContext context;
    private final HubSpotApi api;
    private final List<HistorySpool> spools = new ArrayList<>();

    public HubSpotFetcher(HubSpotSettings settings, ConnectorContext context) {
        this.settings = settings;
        this.context = context;
        this.api = new HubSpotApi(settings);
    }

    /** Requests sent so far, retries and throttled responses. */
    public HttpExecutor.Stats stats() {
        return api.stats();
    }

    /** Reads everything; the snapshot records what a later incremental fetch needs (portal id, watermark, fingerprint). */
    public Snapshot fetch(FetchRequest request) {
        return fetch(request, null);
    }

    /**
     * Reads the portal, incrementally on top of {@code previous} when it can be the base (see
     * {@link IncrementalFetch#plan}): pipelines, properties, owners and workflows in full (a few calls), deals
     * and contacts only where HubSpot's search API finds them modified since the base's watermark (less the
     * overlap), with their whole history by batch read, and without those HubSpot lists as archived. Without
     * {@code previous} (null) the snapshot does not say how it was read.
     */
    public Snapshot fetch(FetchRequest request, PreviousSnapshot previous) {
        Instant asOf = context.clock().instant();
        String portalId = portalId();
        ProgressListener progress = context.progress();
        Set<String> objects = new TreeSet<>();
        objects.add(HubSpotObjects.DEALS);
        request.objects().forEach(o -> HubSpotObjects.resolve(o).ifPresent(objects::add));
        Map<String, Set<String>> recordFields = new TreeMap<>();
        request.recordFields().forEach((object, fields) -> HubSpotObjects.resolve(object)
                .ifPresent(resolved -> recordFields.computeIfAbsent(resolved, k -> new TreeSet<>()).addAll(fields)));
        List<String> reasons = new ArrayList<>();

        progress.started("HubSpot configuration", objects.size() + 3L);
        List<Dto.Pipeline> dealPipelines = api.pipelines(HubSpotObjects.DEALS);
        List<Pipeline> pipelines = new ArrayList<>(SnapshotMapper.dealPipelines(dealPipelines));
        HubSpotChangeTrail changeTrail = new HubSpotChangeTrail();
        dealPipelines.forEach(changeTrail::pipeline);
        progress.advanced(1);

        List<FieldDef> fields = new ArrayList<>();
        Map<String, Dto.Property> dealProperties = new LinkedHashMap<>();
        for (String object : objects) {
            Optional<List<Dto.Property>> properties = part(reasons, "HubSpot " + object + " properties", () -> api.properties(object));
            progress.advanced(1);
            if (properties.isEmpty()) {
                continue;
            }
            for (Dto.Property property : properties.get()) {
                if (property.name() == null || property.archived()) {
                    continue;
                }
                fields.add(SnapshotMapper.field(object, property));
                changeTrail.property(object, property);
                if (object.equals(HubSpotObjects.DEALS)) {
                    dealProperties.put(property.name(), property);
                }
                if (object.equals(HubSpotObjects.CONTACTS) && property.name().equals(SnapshotMapper.LIFECYCLE_STAGE)) {
                    pipelines.add(SnapshotMapper.leadLifecycle(property, true));
                } else if (object.equals(HubSpotObjects.CONTACTS) && property.name().equals(SnapshotMapper.LEAD_STATUS)) {
                    pipelines.add(SnapshotMapper.leadLifecycle(property, false));
                }
            }
        }
        fields.sort(Comparator.comparing(FieldDef::object).thenComparing(FieldDef::name));

        List<Dto.Owner> owners = part(reasons, "HubSpot owners", api::owners).orElse(List.of());
        List<Assignee> assignees = SnapshotMapper.assignees(owners);
        progress.advanced(1);
        Map<Long, String> ownerIdByUserId = new HashMap<>();
        owners.stream().filter(o -> o.userId() != null && o.id() != null).forEach(o -> ownerIdByUserId.put(o.userId(), o.id()));
        // without automations asked for, no workflow is read (nor needs its scope, automation)
        List<Automation> automations = new ArrayList<>((request.automations() ? part(reasons, "HubSpot workflows", api::flows)
                .orElse(List.of()) : List.<JsonNode>of()).stream()
                .map(flow -> SnapshotMapper.flow(flow, ownerIdByUserId))
                .toList());
        automations.sort(Comparator.comparing(Automation::name).thenComparing(a -> a.ref().path()));
        progress.advanced(1);
        progress.finished();

        Map<String, String> sourceAttributes = new TreeMap<>();
        if (portalId != null) {
            sourceAttributes.put(PORTAL_ID, portalId);
        }
        List<CrmRecord> records = new ArrayList<>();
        StageHistory history = null;
        boolean wantRecords = recordFields.containsKey(HubSpotObjects.DEALS);
        List<String> properties = List.of();
        Set<String> stageDateSet = Set.of();
        if (request.history() || wantRecords) {
            List<String> requested = new ArrayList<>(List.of("dealstage", PIPELINE));
            for (String field : recordFields.getOrDefault(HubSpotObjects.DEALS, Set.of())) {
                if ((dealProperties.isEmpty() || dealProperties.containsKey(field)) && !requested.contains(field)) {
                    requested.add(field);
                }
            }
            List<String> stageDates = request.history() && wantRecords ? stageDateProperties(pipelines, dealProperties) : List.of();
            List<String> chosen = new ArrayList<>(requested);
            int included = 0;
            for (String property : stageDates) {
                chosen.add(property);
                if (api.dealsUrlLength(chosen) > MAX_URL_LENGTH) {
                    chosen.remove(chosen.size() - 1);
                    break;
                }
                included++;
            }
            if (!stageDates.isEmpty()) {
                sourceAttributes.put("stageDateProperties", included + " of " + stageDates.size());
            }
            properties = List.copyOf(chosen);
            stageDateSet = Set.copyOf(stageDates);
        }
        boolean contactHistory = request.history() && objects.contains(HubSpotObjects.CONTACTS);
        String fingerprint = IncrementalFetch.fingerprint(request, "objects " + objects + ", deal properties " + properties);
        IncrementalFetch.Plan plan = previous == null ? null
                : portalId == null ? IncrementalFetch.Plan.full("the portal id could not be read, so the previous snapshot cannot be proven to be of this portal")
                : IncrementalFetch.plan(previous, SnapshotMapper.CRM, PORTAL_ID, portalId, fingerprint, asOf, RETENTION);
        String detail = null;
        if (plan != null && plan.incremental()) {
            Changes changes = new Changes(plan);
            if (changes.read(request.history() || wantRecords, contactHistory, reasons)) {
                if (request.history() || wantRecords) {
                    history = readChangedDeals(changes, properties, stageDateSet, request.history(), wantRecords, dealProperties, records,
                            reasons);
                }
                if (contactHistory) {
                    history = StageHistories.concatPresent(history, readChangedContacts(changes, reasons));
                }
                StageHistory kept = plan.base().history() == null ? null : StageHistories.filter(plan.base().history(),
                        changes::keeps, plan.base().history().description() + " (unchanged records)");
                history = request.history() ? StageHistories.concatPresent(kept, history) : null;
                detail = changes.describe();
            } else {
                plan = IncrementalFetch.Plan.full(changes.whyFull);
            }
        }
        if (plan == null || !plan.incremental()) {
            if (request.history() || wantRecords) {
                history = readDeals(properties, stageDateSet, request.history(), wantRecords, dealProperties, records, reasons);
            }
            if (contactHistory) {
                history = StageHistories.concatPresent(history, readContactHistory(reasons));
            }
        }

        Completeness completeness = reasons.isEmpty() ? Completeness.full() : Completeness.incomplete(reasons);
        Map<String, String> attributes = plan == null ? withWatermark(sourceAttributes, asOf, fingerprint)
                : IncrementalFetch.attributes(sourceAttributes, plan, asOf, fingerprint, detail);
        return new Snapshot(new SourceInfo("hubspot", settings.baseUrl(), attributes), SnapshotMapper.CRM, asOf, completeness,
                pipelines, fields, automations, List.of(), assignees, records, history).withChangeTrail(changeTrail.read(api));
    }

    private static Map<String, String> withWatermark(Map<String, String> attributes, Instant asOf, String fingerprint) {
        Map<String, String> all = new TreeMap<>(attributes);
        all.put(IncrementalFetch.WATERMARK, asOf.toString());
        all.put(IncrementalFetch.FINGERPRINT, fingerprint);
        return all;
    }

    /** The portal id, or null when the account details cannot be read (an incremental fetch then cannot prove its base). */
    private String portalId() {
        try {
            return api.portalId().orElse(null);
        } catch (L2oException e) {
            if (e.type() != ErrorType.EXTERNAL) {
                throw e;
            }
            return null;
        }
    }

    /**
     * What changed in the portal since an incremental plan's start: ids of deals and contacts modified since
     * (HubSpot's search API, oldest change first), and ids of archived ones. Modified records are re-read whole;
     * archived ones leave the snapshot; every other record of the base is kept as it was.
     */
    private final class Changes {
        final IncrementalFetch.Plan plan;
        final Set<String> changedDeals = new LinkedHashSet<>();
        final Set<String> changedContacts = new LinkedHashSet<>();
        final Set<String> goneDeals = new HashSet<>();
        final Set<String> goneContacts = new HashSet<>();
        String whyFull;

        Changes(IncrementalFetch.Plan plan) {
            this.plan = plan;
        }

        /** Finds the changes; false (with {@link #whyFull}) when a search result is beyond the search API's cap. */
        boolean read(boolean deals, boolean contacts, List<String> reasons) {
            long since = plan.since().toEpochMilli();
            if (deals && !(search(HubSpotObjects.DEALS, DEALS_MODIFIED, since, changedDeals)
                    && archived(HubSpotObjects.DEALS, goneDeals, reasons))) {
                return false;
            }
            return !contacts || search(HubSpotObjects.CONTACTS, CONTACTS_MODIFIED, since, changedContacts)
                    && archived(HubSpotObjects.CONTACTS, goneContacts, reasons);
        }

        private boolean search(String object, String property, long since, Set<String> ids) {
            String after = null;
            do {
                JsonNode page = api.changedSince(object, property, since, after);
                long total = page.path("total").asLong(0);
                if (total > HubSpotApi.SEARCH_RESULT_CAP) {
                    whyFull = total + " " + object + " changed since " + plan.since() + ", more than the "
                            + HubSpotApi.SEARCH_RESULT_CAP + " results HubSpot's search API returns for one query";
                    return false;
                }
                page.path("results").forEach(result -> ids.add(result.path("id").asText()));
                after = HubSpotApi.nextAfter(page);
            } while (after != null);
            return true;
        }

        private boolean archived(String object, Set<String> ids, List<String> reasons) {
            readPages("archived HubSpot " + object, after -> api.archivedPage(object, after), record -> ids.add(record.path("id").asText()),
                    reasons);
            return true;
        }

        /** Whether a row of the base's history stays: its record neither changed nor went. */
        boolean keeps(StageEvent row) {
            return switch (row.object()) {
                case HubSpotObjects.DEALS -> !changedDeals.contains(row.recordId()) && !goneDeals.contains(row.recordId());
                case HubSpotObjects.CONTACTS -> !changedContacts.contains(row.recordId()) && !goneContacts.contains(row.recordId());
                default -> true;
            };
        }

        String describe() {
            return changedDeals.size() + " deals and " + changedContacts.size() + " contacts modified since then re-read with their history, "
                    + goneDeals.size() + " archived deals and " + goneContacts.size() + " archived contacts left out";
        }
    }

    /**
     * Re-reads the changed deals by batch read (50 with history) and merges them into the base's records; their
     * history is spooled. Deals gone between the search and the read count as archived.
     */
    private StageHistory readChangedDeals(Changes changes, List<String> properties, Set<String> stageDates, boolean withHistory,
            boolean wantRecords, Map<String, Dto.Property> dealProperties, List<CrmRecord> records, List<String> reasons) {
        HistorySpool dealSpool = spool(HubSpotObjects.DEALS, "HubSpot deal stage history of changed deals (propertiesWithHistory=dealstage)");
        Map<String, String> canonical = new HashMap<>();
        List<CrmRecord> reread = new ArrayList<>();
        int[] unreadable = {0};
        Set<String> found = new HashSet<>();
        readBatches("HubSpot deals changed since " + changes.plan.since(), HubSpotObjects.DEALS, changes.changedDeals, properties,
                "dealstage", deal -> {
                    String id = deal.path("id").asText();
                    found.add(id);
                    unreadable[0] += spoolHistory(dealSpool, id, deal.path("propertiesWithHistory").path("dealstage"));
                    if (wantRecords) {
                        reread.add(record(id, deal.path("properties"), properties, stageDates, dealProperties, canonical));
                    }
                }, reasons);
        changes.changedDeals.stream().filter(id -> !found.contains(id)).forEach(changes.goneDeals::add);
        if (unreadable[0] > 0) {
            reasons.add(unreadable[0] + " HubSpot deal stage history entries had unreadable timestamps and were left out");
        }
        if (wantRecords) {
            // HubSpot lists records by ascending (numeric) id: new deals go after the base's in that order
            reread.sort(Comparator.comparingInt((CrmRecord r) -> r.id().length()).thenComparing(CrmRecord::id));
            records.addAll(IncrementalFetch.mergeRecords(changes.plan.base().records().stream()
                    .filter(r -> r.object().equals(HubSpotObjects.DEALS)).toList(), reread, changes.goneDeals));
        }
        StageHistory history = dealSpool.finish();
        return withHistory ? history : null;
    }

    private StageHistory readChangedContacts(Changes changes, List<String> reasons) {
        HistorySpool contactSpool = spool(HubSpotObjects.CONTACTS,
                "HubSpot contact lifecycle stage history of changed contacts (propertiesWithHistory=lifecyclestage)");
        int[] unreadable = {0};
        Set<String> found = new HashSet<>();
        readBatches("HubSpot contacts changed since " + changes.plan.since(), HubSpotObjects.CONTACTS, changes.changedContacts,
                List.of(SnapshotMapper.LIFECYCLE_STAGE), SnapshotMapper.LIFECYCLE_STAGE, contact -> {
                    found.add(contact.path("id").asText());
                    unreadable[0] += spoolHistory(contactSpool, contact.path("id").asText(),
                            contact.path("propertiesWithHistory").path(SnapshotMapper.LIFECYCLE_STAGE));
                }, reasons);
        changes.changedContacts.stream().filter(id -> !found.contains(id)).forEach(changes.goneContacts::add);
        if (unreadable[0] > 0) {
            reasons.add(unreadable[0] + " HubSpot contact lifecycle stage history entries had unreadable timestamps and were left out");
        }
        return contactSpool.finish();
    }

    /** Batch-reads {@code ids} 50 at a time in id order; a source failure part-way keeps what was read and says so. */
    private void readBatches(String what, String object, Set<String> ids, List<String> properties, String historyOf,
            Consumer<JsonNode> each, List<String> reasons) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        ProgressListener progress = context.progress();
        progress.started(what, sorted.size());
        int read = 0;
        try {
            for (int from = 0; from < sorted.size(); from += HubSpotApi.HISTORY_PAGE_SIZE) {
                List<String> batch = sorted.subList(from, Math.min(sorted.size(), from + HubSpotApi.HISTORY_PAGE_SIZE));
                JsonNode results = api.batchRead(object, batch, properties, historyOf).path("results");
                List<JsonNode> ordered = new ArrayList<>();
                results.forEach(ordered::add);
                // batch reads promise no order; spool in id order so that equal inputs give equal spools
                ordered.sort(Comparator.comparingInt((JsonNode n) -> n.path("id").asText().length()).thenComparing(n -> n.path("id").asText()));
                ordered.forEach(each);
                read += batch.size();
                progress.advanced(batch.size());
            }
        } catch (L2oException e) {
            if (e.type() != ErrorType.EXTERNAL) {
                throw e;
            }
            reasons.add(what + " could not be read fully (" + read + " of " + sorted.size() + " read): " + e.getMessage());
        } finally {
            progress.finished();
        }
    }

    /**
     * Pages through all deals. With history, pages are 50 deals (the limit with {@code propertiesWithHistory});
     * without, 100. A failure part-way keeps what was read and says how far it got.
     */
    private StageHistory readDeals(List<String> properties, Set<String> stageDates, boolean withHistory, boolean wantRecords,
            Map<String, Dto.Property> dealProperties, List<CrmRecord> records, List<String> reasons) {
        HistorySpool dealSpool = withHistory
                ? spool(HubSpotObjects.DEALS, "HubSpot deal stage history (propertiesWithHistory=dealstage)")
                : null;
        Map<String, String> canonical = new HashMap<>();
        int[] unreadable = {0};
        readPages("HubSpot deals", after -> api.dealsPage(properties, withHistory, after), deal -> {
            String id = deal.path("id").asText();
            if (withHistory) {
                unreadable[0] += spoolHistory(dealSpool, id, deal.path("propertiesWithHistory").path("dealstage"));
            }
            if (wantRecords) {
                records.add(record(id, deal.path("properties"), properties, stageDates, dealProperties, canonical));
            }
        }, reasons);
        if (unreadable[0] > 0) {
            reasons.add(unreadable[0] + " HubSpot deal stage history entries had unreadable timestamps and were left out");
        }
        return withHistory ? dealSpool.finish() : null;
    }

    /**
     * Pages through all contacts with their {@code lifecyclestage} history (50 per page), spooled like deal
     * history. A failure part-way keeps what was read and says how far it got; a missing
     * {@code crm.objects.contacts.read} scope (403) is thrown, as for every other part.
     */
    private StageHistory readContactHistory(List<String> reasons) {
        HistorySpool contactSpool = spool(HubSpotObjects.CONTACTS,
                "HubSpot contact lifecycle stage history (propertiesWithHistory=lifecyclestage)");
        int[] unreadable = {0};
        readPages("HubSpot contacts", api::contactsPage, contact -> unreadable[0] += spoolHistory(contactSpool,
                contact.path("id").asText(), contact.path("propertiesWithHistory").path(SnapshotMapper.LIFECYCLE_STAGE)), reasons);
        if (unreadable[0] > 0) {
            reasons.add(unreadable[0] + " HubSpot contact lifecycle stage history entries had unreadable timestamps and were left out");
        }
        return contactSpool.finish();
    }

    private HistorySpool spool(String object, String what) {
        HistorySpool spool = new HistorySpool(context.workDirectory(), object, what);
        spools.add(spool);
        return spool;
    }

    /** Spools one record's history array; returns how many entries had unreadable timestamps. */
    private static int spoolHistory(HistorySpool spool, String id, JsonNode history) {
        StageHistoryRows.Parsed parsed = StageHistoryRows.parse(history);
        spool.append(id, parsed.rows());
        return parsed.unreadable();
    }

    /**
     * Reads pages by cursor until the last one (no {@code paging}), handing each result to {@code each}. A source
     * failure part-way ends the reading with a reason saying how many were read; user-caused failures are thrown.
     */
    private void readPages(String what, Function<String, JsonNode> page, Consumer<JsonNode> each,
            List<String> reasons) {
        ProgressListener progress = context.progress();
        progress.started(what, -1);
        long read = 0;
        String after = null;
        try {
            do {
                JsonNode current = page.apply(after);
                JsonNode results = current.path("results");
                results.forEach(each);
                read += results.size();
                progress.advanced(results.size());
                after = HubSpotApi.nextAfter(current);
            } while (after != null);
        } catch (L2oException e) {
            if (e.type() != ErrorType.EXTERNAL) {
                throw e;
            }
            reasons.add(what + " could not be read fully (" + read + " read): " + e.getMessage());
        } finally {
            progress.finished();
        }
    }

    private static CrmRecord record(String id, JsonNode values, List<String> properties, Set<String> stageDates,
            Map<String, Dto.Property> dealProperties, Map<String, String> canonical) {
        Map<String, Object> typed = new HashMap<>();
        for (String property : properties) {
            JsonNode value = values.get(property);
            String raw = value == null || value.isNull() ? null : value.asText();
            if (stageDates.contains(property) && raw == null) {
                continue; // most deals never enter most stages; absent keeps records small
            }
            Dto.Property definition = dealProperties.get(property);
            String type = definition == null ? null : definition.type();
            if (raw != null && "enumeration".equals(type)) {
                raw = canonical.computeIfAbsent(raw, v -> v); // a few distinct values repeated on every deal
            }
            typed.put(property, SnapshotMapper.typedValue(raw, type));
        }
        // the pipeline property holds the pipeline's id: the deal's lifecycle follows from it
        return new CrmRecord(HubSpotObjects.DEALS, id, typed, typed.get(PIPELINE) instanceof String pipeline ? pipeline : null);
    }

    /**
     * HubSpot's per-stage calculated properties for every deal stage, as far as the properties API lists them:
     * {@code hs_v2_date_entered_<stageId>}, {@code hs_v2_date_exited_<stageId>},
     * {@code hs_v2_cumulative_time_in_<stageId>} (milliseconds), or the legacy {@code hs_date_entered_},
     * {@code hs_date_exited_}, {@code hs_time_in_} names on portals without v2 ones.
     */
    static List<String> stageDateProperties(List<Pipeline> pipelines, Map<String, Dto.Property> dealProperties) {
        Set<String> names = new LinkedHashSet<>();
        for (Pipeline pipeline : pipelines) {
            if (!pipeline.object().equals(HubSpotObjects.DEALS)) {
                continue;
            }
            for (Stage stage : pipeline.stages()) {
                for (int i = 0; i < STAGE_DATE_PREFIXES.size(); i++) {
                    String current = STAGE_DATE_PREFIXES.get(i) + stage.apiName();
                    String legacy = LEGACY_STAGE_DATE_PREFIXES.get(i) + stage.apiName();
                    if (dealProperties.containsKey(current)) {
                        names.add(current);
                    } else if (dealProperties.containsKey(legacy)) {
                        names.add(legacy);
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static <T> Optional<T> part(List<String> reasons, String what, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (L2oException e) {
            if (e.type() != ErrorType.EXTERNAL) {
                throw e;
            }
            reasons.add(what + " could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Deletes the history spool; the snapshot's history cannot be read afterwards. */
    @Override
    public void close() {
        spools.forEach(HistorySpool::delete);
        spools.clear();
    }
}
