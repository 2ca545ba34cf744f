package dev.l2o.salesforce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.metadata.FileProperties;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.http.HttpStatusException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.http.Sleeper;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Completeness;
import dev.l2o.model.Crm;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import dev.l2o.salesforce.internal.ApiBudget;
import dev.l2o.salesforce.internal.LiveConfiguration;
import dev.l2o.salesforce.internal.OrgMetadata;
import dev.l2o.salesforce.internal.SalesforceAuthenticator;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.internal.SalesforceHttp;
import dev.l2o.salesforce.internal.SalesforceMetadataReader;
import dev.l2o.salesforce.internal.SalesforceQueries;
import dev.l2o.salesforce.internal.SalesforceSession;
import dev.l2o.salesforce.internal.SalesforceSetupAuditTrail;
import dev.l2o.salesforce.internal.SalesforceComposite;
import dev.l2o.salesforce.internal.SetupChangeScope;
import dev.l2o.salesforce.metadata.SalesforceMetadata;
import dev.l2o.salesforce.metadata.SalesforceMetadataAssembler;
import dev.l2o.salesforce.metadata.SalesforceMetadataMapper;
import dev.l2o.salesforce.metadata.SalesforceRecordTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A live Salesforce org, read-only. Configuration comes from the Metadata API through Force WSC
 * ({@code readMetadata} of StandardValueSets, CustomObjects with their fields, validation rules and sales
 * processes, Workflows, AssignmentRules, Flows, FlowDefinitions and Queues, ten names a call, up to
 * {@link SalesforceMetadataReader#CONCURRENT_READS} calls at once), re-serialized to metadata XML and
 * mapped by the same code as an SFDX project, so that {@code --source salesforce} and {@code --source sfdx:}
 * of the same org give the same snapshot. Stage history comes from {@code OpportunityHistory}, then lead status
 * history from {@code LeadHistory} rows of {@code Field = 'Status'} (none when the org does not track Lead
 * field history), each over REST query pages, or Bulk API 2.0 above {@link SalesforceSettings#bulkThreshold()}
 * rows, spooled to a CSV file in the work directory (never all rows in memory) and exposed together as one
 * re-readable {@link StageHistory}. Who changed the setup comes from one {@code SetupAuditTrail} query of at most two
 * pages ({@link SalesforceSetupAuditTrail}), which never fails the fetch.
 *
 * <p>A fetch spends at most {@link SalesforceSettings#apiBudgetShare()} of the org's remaining daily API
 * requests. When history or records cannot be read fully (limits, outages), the snapshot says so in its
 * {@link Completeness}; when the configuration cannot be read, {@link #fetch} throws. Not thread-safe.
 */
public final class SalesforceConnector implements CrmConnector {
    private static final List<String> HISTORY_FIELDS = List.of("OpportunityId", "StageName", "CreatedDate", "Amount", "CloseDate",
            "Probability", "ForecastCategory");
    // Field is selected although the condition fixes it: LeadHistoryCsv reads the spool like an export.
    private static final List<String> LEAD_HISTORY_FIELDS = List.of("LeadId", "Field", "OldValue", "NewValue", "CreatedDate");
    private static final String LEAD_STATUS_CONDITION = "Field = 'Status'";

    /** The source attribute that names the org: an incremental fetch builds only on a snapshot of the same org. */
    public static final String ORG_ID = "orgId";
    /**
     * How far back an incremental fetch may reach: deleted records stay in the recycle bin, where getDeleted sees
     * them, for 15 days (field history itself is kept 18 months by the API, so the recycle bin is the limit).
     */
    static final Duration RETENTION = Duration.ofDays(15);

    private final SalesforceSettings settings;
    private final ConnectorContext context;
    private final SalesforceAuthenticator authenticator;
    private final SalesforceCredentials credentials;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;
    private final Duration readTimeout;
    private final int concurrentMetadataReads;
    private final List<Path> spools = new ArrayList<>();
    private SalesforceHttp http;

    /** A connector with the standard retry policy and real sleeps. */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context) {
        this(settings, credentials, context, Sleeper.SYSTEM, RetryPolicy.standard());
    }

    /** A connector whose waits (retry backoff, Bulk polling) go through {@code sleeper}. */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context, Sleeper sleeper,
            RetryPolicy retryPolicy) {
        this(settings, credentials, context, sleeper, retryPolicy, null);
    }

    /**
     * As above, waiting at most {@code readTimeout} for a response before the attempt counts as failed (null: the
     * shared client's 60 s), so that tests of timeouts need not wait a minute.
     */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context, Sleeper sleeper,
            RetryPolicy retryPolicy, Duration readTimeout) {
        this(settings, credentials, context, sleeper, retryPolicy, readTimeout, SalesforceMetadataReader.CONCURRENT_READS);
    }

    /**
     * As above, running at most {@code concurrentMetadataReads} readMetadata calls at once (1: one after the other;
     * {@link SalesforceMetadataReader#CONCURRENT_READS} by default), so that benchmarks can compare the two.
     */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context, Sleeper sleeper,
            RetryPolicy retryPolicy, Duration readTimeout, int concurrentMetadataReads) {
        if (concurrentMetadataReads < 1) {
            throw new IllegalArgumentException("concurrentMetadataReads must be at least 1: " + concurrentMetadataReads);
        }
        this.concurrentMetadataReads = concurrentMetadataReads;
        this.readTimeout = readTimeout;
        this.settings = requireNonNull(settings, "settings is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.context = requireNonNull(context, "context is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        this.authenticator = new SalesforceAuthenticator(credentials, settings, context.clock());
    }

    @Override
    public Snapshot fetch(FetchRequest request) {
        return fetch(request, null, false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The first API call is one REST composite call with the org id, the setup audit trail's first page, getDeleted,
     * the records modified since the start ({@code SystemModstamp}) and the first pages of the history rows created
     * since ({@code CreatedDate}, OpportunityHistory and LeadHistory); the budget starts from its
     * {@code Sforce-Limit-Info}. Flows and flow definitions are read only when {@code listMetadata} gives them a
     * {@code lastModifiedDate} after the start of the changes (or none), or when they are new. The other components
     * (value sets, the objects with their fields, validation rules and sales processes, workflows, assignment rules,
     * queues) report no usable {@code lastModifiedDate}: they are kept from the base when the setup audit trail, read
     * back to the start, shows no change to them ({@link SetupChangeScope}), and read again otherwise. When a stage
     * value set lost or gained values, every flow is read again (flows are mapped against the stage values). Deleted
     * records come from getDeleted; the base's rows of the overlap are replaced by the re-read ones. A base of another
     * org, incomplete, older than 15 days (the recycle bin, and so getDeleted, keeps deletions that long) or asking for
     * other data gives a full fetch, as does a getDeleted that cannot cover the whole span.
     */
    @Override
    public Snapshot fetch(FetchRequest request, PreviousSnapshot previous) {
        return fetch(request, requireNonNull(previous, "previous is null"), true);
    }

    private Snapshot fetch(FetchRequest request, PreviousSnapshot previous, boolean sayHow) {
        requireNonNull(request, "request is null");
        Instant asOf = context.clock().instant();
        ApiBudget budget = new ApiBudget(settings.apiBudgetShare());
        Sessions sessions = new Sessions();
        http = new SalesforceHttp(budget, sessions, SecretRedactor.of(credentials.secrets()), sleeper, retryPolicy, readTimeout);
        sessions.session = authenticator.login(http);
        SalesforceQueries queries = new SalesforceQueries(http, settings.apiVersion(), sleeper);
        String fingerprint = IncrementalFetch.fingerprint(request, "api " + settings.apiVersion());
        // The plan assumes the org is the previous snapshot's: the first composite call reads the org id with the
        // incremental reads, and an org id other than the assumed one makes the plan full (that call's reads are then wasted).
        String assumedOrg = previous == null ? null : previous.present().map(s -> s.source().attributes().get(ORG_ID)).orElse(null);
        IncrementalFetch.Plan plan = previous == null ? IncrementalFetch.Plan.full("no previous snapshot")
                // an incremental read keeps the previous snapshot's automations, which this one would not have
                : !request.automations() ? IncrementalFetch.Plan.full("a fetch without automations reads in full")
                : IncrementalFetch.plan(previous, "salesforce", ORG_ID, assumedOrg == null ? "" : assumedOrg, fingerprint, asOf, RETENTION);
        FirstReads first = FirstReads.send(new SalesforceComposite(http, settings.apiVersion()), queries, request, plan, asOf);
        String orgId = SalesforceQueries.organizationId(first.organization().bodyOrThrow());
        if (!budget.started()) {
            // no Sforce-Limit-Info on the answer: ask the limits resource, as the budget must know what the org has left
            long[] daily = queries.dailyApiRequests();
            budget.start(daily[0], daily[1]);
        }
        if (plan.incremental() && !orgId.equals(assumedOrg)) {
            plan = IncrementalFetch.plan(previous, "salesforce", ORG_ID, orgId, fingerprint, asOf, RETENTION);
        }
        SalesforceSetupAuditTrail.Reading trail = SalesforceSetupAuditTrail.read(queries, first.setupAuditTrail());
        Map<String, Set<String>> deleted = new TreeMap<>();
        if (plan.incremental()) {
            plan = deletions(first, plan, deleted);
        }

        context.progress().started("Reading Salesforce metadata", -1);
        List<String> objects = List.copyOf(request.objects());
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http, concurrentMetadataReads);
        List<FileProperties> listed = request.automations() ? reader.list(OrgMetadata.LISTED_TYPES) : List.of();
        SalesforceMetadata configuration;
        int flowsRead;
        String configurationRead = null;
        if (plan.incremental()) {
            IncrementalFetch.Plan base = plan;
            Set<String> known = base.base().automations().stream().filter(a -> a.kind() == AutomationKind.FLOW).map(Automation::name)
                    .collect(Collectors.toSet());
            Set<String> changed = changedFlows(listed, base.since(), known);
            List<Automation> kept = base.base().automations().stream()
                    .filter(a -> a.kind() == AutomationKind.FLOW && !changed.contains(a.name()) && listedFlow(listed, a.name())).toList();
            String rereadBecause = rereadBecause(trail, base.since());
            boolean flowsChanged = !changed.isEmpty() || kept.size() != known.size();
            configuration = null;
            flowsRead = 0;
            if (rereadBecause == null && !flowsChanged) {
                configuration = new SalesforceMetadata(base.base().pipelines(), base.base().fields(), base.base().automations(),
                        base.base().assignmentRules(), base.base().assignees());
                configurationRead = "the configuration kept, as no flow changed and the setup audit trail shows no change to the rest";
            } else if (rereadBecause == null) {
                configuration = withChangedFlows(base.base(), reader, listed, changed, kept);
                flowsRead = changed.size();
                configurationRead = "the configuration other than flows kept, as the setup audit trail shows no change to it";
                rereadBecause = configuration == null ? "changed flows name assignees, which the configuration's assignees are made of" : null;
            }
            if (configuration == null) {
                configurationRead = "the configuration other than flows read again, as " + rereadBecause;
                configuration = LiveConfiguration.map(OrgMetadata.read(reader, objects, listed,
                        name -> changed.contains(SalesforceMetadataMapper.decodeName(name))), request.objects(), kept);
                flowsRead = changed.size();
                if (!stageValues(configuration.pipelines()).equals(stageValues(base.base().pipelines()))) {
                    // flows are mapped against every object's stage values: when those changed, no kept flow can be trusted
                    configuration = LiveConfiguration.map(OrgMetadata.read(reader, objects, listed, name -> true), request.objects());
                    flowsRead = (int) listed.stream().filter(p -> p.getType().equals("Flow")).count();
                }
            }
        } else if (!request.automations()) {
            configuration = LiveConfiguration.map(OrgMetadata.readWithoutAutomations(reader, objects), request.objects());
            flowsRead = 0;
        } else {
            configuration = LiveConfiguration.map(OrgMetadata.read(reader, objects, listed, name -> true), request.objects());
            flowsRead = (int) listed.stream().filter(p -> p.getType().equals("Flow")).count();
        }
        context.progress().finished();

        String since = plan.incremental() ? changedAfter("SystemModstamp", plan.since()) : "";
        Completeness completeness = Completeness.full();
        List<CrmRecord> records = new ArrayList<>();
        int recordsRead = 0;
        for (Map.Entry<String, Set<String>> entry : request.recordFields().entrySet()) {
            List<String> existing = queriedFields(configuration.fields(), configuration.pipelines(), entry.getKey(), entry.getValue());
            try {
                if (plan.incremental()) {
                    SalesforceComposite.Answer answered = first.records().get(entry.getKey());
                    // the first call asked for the fields the previous snapshot's org had; when those changed, ask again
                    boolean asked = answered != null && existing.equals(queriedFields(plan.base().fields(), plan.base().pipelines(),
                            entry.getKey(), entry.getValue()));
                    List<CrmRecord> reread = asked ? queries.records(entry.getKey(), answered.bodyOrThrow())
                            : queries.records(entry.getKey(), existing, since);
                    recordsRead += reread.size();
                    records.addAll(IncrementalFetch.mergeRecords(plan.base().records().stream()
                            .filter(r -> r.object().equals(entry.getKey())).toList(), reread,
                            deleted.getOrDefault(entry.getKey(), Set.of())));
                } else {
                    records.addAll(queries.records(entry.getKey(), existing));
                }
            } catch (L2oException e) {
                completeness = incomplete(completeness, e, "records of " + entry.getKey());
            }
        }
        records = SalesforceRecordTypes.withPipelines(records, configuration.pipelines());
        StageHistory history = null;
        long[] rowsRead = {0};
        if (request.history()) {
            StageHistory opportunities = null;
            StageHistory leads = null;
            String createdAfter = plan.incremental() ? changedAfter("CreatedDate", plan.since()) : "";
            try {
                opportunities = history(queries, createdAfter, plan.incremental() ? first.opportunityHistory() : null, rowsRead);
            } catch (L2oException e) {
                completeness = incomplete(completeness, e, "OpportunityHistory");
            }
            // A failure on OpportunityHistory is a limit or an outage; another query would only spend more of the org's budget.
            if (opportunities != null) {
                try {
                    leads = leadHistory(queries, createdAfter, plan.incremental() ? first.leadHistory() : null, rowsRead);
                } catch (L2oException e) {
                    completeness = incomplete(completeness, e, "LeadHistory");
                }
            }
            history = StageHistories.concatPresent(plan.incremental() ? keptHistory(plan, deleted) : null, opportunities, leads);
            String restored = plan.incremental() && opportunities != null ? restoredOpportunity(plan, records, opportunities) : null;
            if (restored != null) {
                // a restored record's history rows keep their old CreatedDate: only a full read brings them back
                close();
                return fetch(request, PreviousSnapshot.absent(restored), sayHow);
            }
        }
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("apiVersion", settings.apiVersion());
        attributes.put("apiRequests", Long.toString(budget.spent()));
        attributes.put(ORG_ID, orgId);
        String detail = plan.incremental() ? flowsRead + " changed flows, " + recordsRead + " records modified and " + rowsRead[0]
                + " history rows created since then read; " + deleted.values().stream().mapToInt(Set::size).sum()
                + " deleted records left out; " + configurationRead
                : null;
        Map<String, String> sourceAttributes = IncrementalFetch.attributes(attributes, plan, asOf, fingerprint, detail);
        if (!sayHow) {
            sourceAttributes.remove(IncrementalFetch.FETCH);
            sourceAttributes.remove(IncrementalFetch.FETCH_REASON);
        }
        return new Snapshot(new SourceInfo("salesforce", sessions.session.instanceUrl(), sourceAttributes), Crm.SALESFORCE.id(), asOf, completeness,
                configuration.pipelines(), configuration.fields(), configuration.automations(), configuration.assignmentRules(),
                configuration.assignees(), records, history).withChangeTrail(trail.changeTrail());
    }

    /**
     * Why the base's configuration other than flows cannot be kept (one clause), or null when it can: the setup audit
     * trail is readable, covers every change since {@code since}, and shows none but to flows and to what a snapshot
     * does not hold (see {@link SetupChangeScope}). Standard components report no usable {@code lastModifiedDate}, so
     * only the trail can tell that they did not change; flows are told apart by their listing.
     */
    private static String rereadBecause(SalesforceSetupAuditTrail.Reading trail, Instant since) {
        if (!trail.changeTrail().available()) {
            return "the setup audit trail is not available (" + trail.changeTrail().unavailableReason() + ")";
        }
        Optional<List<SetupChange>> changes = trail.changesAfter(since);
        if (changes.isEmpty()) {
            return "the setup audit trail's rows read do not reach back to " + since;
        }
        List<SetupChange> configurationChanges = changes.get().stream()
                .filter(change -> SetupChangeScope.of(change.section(), change.action()) == SetupChangeScope.CONFIGURATION).toList();
        if (!configurationChanges.isEmpty()) {
            SetupChange newest = configurationChanges.get(0);
            return "the setup audit trail shows " + configurationChanges.size() + (configurationChanges.size() == 1 ? " change" : " changes")
                    + " to it since " + since + " (the newest: " + newest.section() + " / " + newest.action() + ")";
        }
        return null;
    }

    /**
     * The base's configuration with its flows brought up to date: the {@code changed} ones read and mapped against the
     * base's stage values (unchanged, as the configuration other than flows is), {@code kept} ones as they were, those no
     * longer listed left out. Null when a changed or removed flow names assignees (the configuration's assignees are
     * gathered from every automation, so only a whole read can tell them).
     */
    private static SalesforceMetadata withChangedFlows(Snapshot base, SalesforceMetadataReader reader, List<FileProperties> listed,
            Set<String> changed, List<Automation> kept) {
        List<Automation> read = LiveConfiguration.flows(OrgMetadata.readFlows(reader, listed,
                name -> changed.contains(SalesforceMetadataMapper.decodeName(name))), stageValues(base.pipelines()));
        List<Automation> replaced = base.automations().stream().filter(a -> a.kind() == AutomationKind.FLOW && !kept.contains(a)).toList();
        if (Stream.concat(read.stream(), replaced.stream()).anyMatch(a -> !a.assignees().isEmpty())) {
            return null;
        }
        List<Automation> automations = new ArrayList<>(base.automations().stream().filter(a -> a.kind() != AutomationKind.FLOW).toList());
        automations.addAll(kept);
        automations.addAll(read);
        automations.sort(SalesforceMetadataAssembler.AUTOMATION_ORDER);
        return new SalesforceMetadata(base.pipelines(), base.fields(), automations, base.assignmentRules(), base.assignees());
    }

    /** Of the {@code wanted} fields of {@code object}, those {@code fields} has, sorted. */
    private static List<String> queriedFields(List<FieldDef> fields, List<Pipeline> pipelines, String object, Set<String> wanted) {
        // Ask only for fields the org has: a field the blueprint declares but the org lacks is a finding
        // (L2O-FIELD-MISSING), and naming it in SOQL would fail the whole query with INVALID_FIELD.
        List<String> queried = new ArrayList<>(wanted.stream()
                .filter(name -> fields.stream().anyMatch(f -> f.object().equalsIgnoreCase(object) && f.name().equalsIgnoreCase(name)))
                .sorted()
                .toList());
        // RecordTypeId, and so the RecordType relationship, exists only on an object that has record types: the ones the
        // metadata read (CustomObject's recordTypes) gave its sales processes. The record type decides the record's pipeline.
        if (pipelines.stream().anyMatch(pipeline -> pipeline.object().equalsIgnoreCase(object) && !pipeline.recordTypes().isEmpty())) {
            queried.add(SalesforceRecordTypes.FIELD);
        }
        return queried;
    }

    /**
     * The reads of the fetch's first API call, one composite call (two when many objects are asked for): the org id and
     * the setup audit trail's first page always; for an incremental plan also getDeleted of every object the snapshot
     * holds records or history of, the records modified since the start (with the fields the base's org had) and the
     * first pages of the history rows created since.
     */
    private record FirstReads(SalesforceComposite.Answer organization, SalesforceComposite.Answer setupAuditTrail,
            Map<String, SalesforceComposite.Answer> deleted, Map<String, SalesforceComposite.Answer> records,
            SalesforceComposite.Answer opportunityHistory, SalesforceComposite.Answer leadHistory) {

        static FirstReads send(SalesforceComposite composite, SalesforceQueries queries, FetchRequest request, IncrementalFetch.Plan plan,
                Instant asOf) {
            List<SalesforceComposite.Read> reads = new ArrayList<>();
            reads.add(new SalesforceComposite.Read("the organization id", queries.queryUrl(SalesforceQueries.ORGANIZATION_QUERY)));
            reads.add(SalesforceSetupAuditTrail.firstPage(queries));
            List<String> deletedObjects = new ArrayList<>();
            List<String> recordObjects = new ArrayList<>();
            if (plan.incremental()) {
                Set<String> objects = new TreeSet<>(request.recordFields().keySet());
                if (request.history()) {
                    objects.add(OpportunityHistoryCsv.OBJECT);
                    objects.add(LeadHistoryCsv.OBJECT);
                }
                for (String object : objects) {
                    deletedObjects.add(object);
                    reads.add(new SalesforceComposite.Read(SalesforceQueries.deletedWhat(object, plan.since()),
                            queries.deletedUrl(object, plan.since(), asOf)));
                }
                String modified = changedAfter("SystemModstamp", plan.since());
                for (Map.Entry<String, Set<String>> entry : new TreeMap<>(request.recordFields()).entrySet()) {
                    recordObjects.add(entry.getKey());
                    List<String> fields = queriedFields(plan.base().fields(), plan.base().pipelines(), entry.getKey(), entry.getValue());
                    reads.add(new SalesforceComposite.Read("the " + entry.getKey() + " records query",
                            queries.queryUrl(SalesforceQueries.recordsQuery(entry.getKey(), fields, modified))));
                }
                if (request.history()) {
                    String created = changedAfter("CreatedDate", plan.since());
                    reads.add(new SalesforceComposite.Read("the OpportunityHistory query",
                            queries.queryUrl(SalesforceQueries.soql("OpportunityHistory", HISTORY_FIELDS, created))));
                    reads.add(new SalesforceComposite.Read("the LeadHistory query",
                            queries.queryUrl(SalesforceQueries.soql("LeadHistory", LEAD_HISTORY_FIELDS, leadHistoryCondition(created)))));
                }
            }
            List<SalesforceComposite.Answer> answers = composite.execute(reads);
            int next = 2;
            Map<String, SalesforceComposite.Answer> deleted = new TreeMap<>();
            for (String object : deletedObjects) {
                deleted.put(object, answers.get(next++));
            }
            Map<String, SalesforceComposite.Answer> records = new TreeMap<>();
            for (String object : recordObjects) {
                records.put(object, answers.get(next++));
            }
            boolean history = plan.incremental() && request.history();
            return new FirstReads(answers.get(0), answers.get(1), deleted, records, history ? answers.get(next) : null,
                    history ? answers.get(next + 1) : null);
        }
    }

    /**
     * The ids deleted since the plan's start, per object whose records or history the snapshot holds, from the first
     * call's getDeleted answers; the plan becomes full when getDeleted cannot reach back that far.
     */
    private static IncrementalFetch.Plan deletions(FirstReads first, IncrementalFetch.Plan plan, Map<String, Set<String>> deleted) {
        for (Map.Entry<String, SalesforceComposite.Answer> answer : first.deleted().entrySet()) {
            String object = answer.getKey();
            SalesforceQueries.DeletedRecords gone;
            try {
                gone = SalesforceQueries.deleted(object, answer.getValue().bodyOrThrow());
            } catch (L2oException e) {
                if (e.type() != ErrorType.EXTERNAL) {
                    throw e;
                }
                return IncrementalFetch.Plan.full("Salesforce could not list the " + object + " records deleted since " + plan.since()
                        + " (" + e.getMessage() + ")");
            }
            if (gone.earliestDateAvailable().isAfter(plan.since())) {
                return IncrementalFetch.Plan.full("Salesforce lists deleted " + object + " records only from "
                        + gone.earliestDateAvailable() + ", after the previous snapshot's watermark less the overlap (" + plan.since() + ")");
            }
            deleted.put(object, gone.ids());
        }
        return plan;
    }

    /**
     * Why an incremental read cannot stand when an opportunity modified since the base is in neither the base's
     * records nor the new history rows (a new opportunity always has a row): it was restored from the recycle bin,
     * and its history predates the base's watermark. Null when there is none.
     */
    private static String restoredOpportunity(IncrementalFetch.Plan plan, List<CrmRecord> records, StageHistory created) {
        Set<String> known = new HashSet<>();
        plan.base().records().stream().filter(r -> r.object().equals(OpportunityHistoryCsv.OBJECT)).forEach(r -> known.add(r.id()));
        created.forEach(row -> known.add(row.recordId()));
        return records.stream().filter(r -> r.object().equals(OpportunityHistoryCsv.OBJECT) && !known.contains(r.id())).findFirst()
                .map(r -> "opportunity " + r.id() + " was modified since the previous snapshot but is not in it: restored from the"
                        + " recycle bin, its older history rows are read only in full")
                .orElse(null);
    }

    /** The base's history rows that stay: created up to the start (later ones are read again) and of records not deleted. */
    private static StageHistory keptHistory(IncrementalFetch.Plan plan, Map<String, Set<String>> deleted) {
        StageHistory base = plan.base().history();
        if (base == null) {
            return null;
        }
        Instant since = plan.since();
        return StageHistories.filter(base, row -> !row.at().isAfter(since)
                && !deleted.getOrDefault(row.object(), Set.of()).contains(row.recordId()), base.description() + " up to " + since);
    }

    /** Names of flows to read: listed with a modification after {@code since} (or none), or unknown to the base. */
    private static Set<String> changedFlows(List<FileProperties> listed, Instant since, Set<String> known) {
        Set<String> changed = new TreeSet<>();
        for (FileProperties properties : listed) {
            if (!properties.getType().equals("Flow") && !properties.getType().equals("FlowDefinition")) {
                continue;
            }
            String name = SalesforceMetadataMapper.decodeName(properties.getFullName());
            Calendar modified = properties.getLastModifiedDate();
            if (modified == null || modified.toInstant().isAfter(since) || !known.contains(name)) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static boolean listedFlow(List<FileProperties> listed, String name) {
        return listed.stream().anyMatch(p -> p.getType().equals("Flow") && SalesforceMetadataMapper.decodeName(p.getFullName()).equals(name));
    }

    /** Every stage value (active or not) of each default pipeline, by object: what flows are mapped against. */
    private static Map<String, List<String>> stageValues(List<Pipeline> pipelines) {
        Map<String, List<String>> values = new TreeMap<>();
        pipelines.stream().filter(Pipeline::isDefault)
                .forEach(p -> values.put(p.object(), p.stages().stream().map(Stage::apiName).toList()));
        return values;
    }

    /** A SOQL condition on {@code field} after {@code since}. */
    private static String changedAfter(String field, Instant since) {
        return field + " > " + SalesforceQueries.soqlDateTime(since);
    }

    private static Completeness incomplete(Completeness completeness, L2oException e, String what) {
        if (e.type() != ErrorType.EXTERNAL) {
            throw e;
        }
        return completeness.with(what + " could not be read fully: " + e.getMessage());
    }

    private StageHistory history(SalesforceQueries queries, String createdAfter, SalesforceComposite.Answer firstPage, long[] rowsRead) {
        Path spool = spool(queries, "OpportunityHistory", HISTORY_FIELDS, createdAfter, firstPage, rowsRead);
        return OpportunityHistoryCsv.open(spool, "Salesforce OpportunityHistory");
    }

    /**
     * Lead status history, or null when the org has none to give: LeadHistory is only queryable while field
     * history tracking is on for Lead, and an org without it is complete, not broken.
     */
    private StageHistory leadHistory(SalesforceQueries queries, String createdAfter, SalesforceComposite.Answer firstPage, long[] rowsRead) {
        Path spool;
        try {
            spool = spool(queries, "LeadHistory", LEAD_HISTORY_FIELDS, leadHistoryCondition(createdAfter), firstPage, rowsRead);
        } catch (L2oException e) {
            if (e.getCause() instanceof HttpStatusException status && status.status() == 400 && status.body().contains("INVALID_TYPE")) {
                return null;
            }
            throw e;
        }
        return LeadHistoryCsv.open(spool, "Salesforce LeadHistory");
    }

    /** The LeadHistory rows of status changes, only those created after the start when {@code createdAfter} says so. */
    private static String leadHistoryCondition(String createdAfter) {
        return createdAfter.isEmpty() ? LEAD_STATUS_CONDITION : LEAD_STATUS_CONDITION + " AND " + createdAfter;
    }

    /**
     * Spools {@code SELECT fields FROM object WHERE where} over REST pages, or Bulk API 2.0 above the threshold. Given the
     * query's first page (read in a composite call), its {@code totalSize} decides, without a count query.
     */
    private Path spool(SalesforceQueries queries, String object, List<String> fields, String where, SalesforceComposite.Answer firstPage,
            long[] rowsRead) {
        JsonNode page = firstPage == null ? null : firstPage.bodyOrThrow();
        long rows = page == null ? queries.count(object, where) : page.path("totalSize").asLong();
        rowsRead[0] += rows;
        Path spool;
        try {
            Files.createDirectories(context.workDirectory());
            spool = Files.createTempFile(context.workDirectory(), "salesforce-history-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + context.workDirectory(), e);
        }
        spools.add(spool);
        boolean bulk = rows > settings.bulkThreshold();
        context.progress().started("Reading " + object + " (" + (bulk ? "Bulk API 2.0" : "REST") + ")", rows);
        if (bulk) {
            queries.bulkQueryToCsv(object, fields, where, spool, context.progress());
        } else if (page != null) {
            queries.queryToCsv(object, fields, page, spool, context.progress());
        } else {
            queries.queryToCsv(object, fields, where, spool, context.progress());
        }
        context.progress().finished();
        return spool;
    }

    /** API requests the last fetch spent, or 0 before one. */
    public long apiRequestsSpent() {
        return http == null ? 0 : http.budget().spent();
    }

    /** Deletes the history spool files; the snapshot's history cannot be read afterwards. */
    @Override
    public void close() {
        for (Path spool : spools) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                // a spool left in the work directory is harmless; the next cleanup of the directory removes it
            }
        }
        spools.clear();
    }

    /** The fetch's session; metadata reads run on several threads, which all see a renewal. */
    private final class Sessions implements SalesforceHttp.SessionHolder {
        volatile SalesforceSession session;

        @Override
        public SalesforceSession current() {
            return session;
        }

        @Override
        public synchronized SalesforceSession renew() {
            if (!authenticator.renewable()) {
                return null;
            }
            session = authenticator.login(http);
            return session;
        }
    }
}
