package dev.l2o.salesforce;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.FetchRequest;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.http.HttpStatusException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.http.Sleeper;
import dev.l2o.model.ChangeTrail;
import dev.l2o.model.Crm;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.StageHistories;
import dev.l2o.model.StageHistory;
import dev.l2o.salesforce.internal.ApiBudget;
import dev.l2o.salesforce.internal.LiveConfiguration;
import dev.l2o.salesforce.metadata.SalesforceMetadata;
import dev.l2o.salesforce.internal.OrgMetadata;
import dev.l2o.salesforce.internal.SalesforceAuthenticator;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.internal.SalesforceHttp;
import dev.l2o.salesforce.internal.SalesforceMetadataReader;
import dev.l2o.salesforce.internal.SalesforceQueries;
import dev.l2o.salesforce.internal.SalesforceSession;
import dev.l2o.salesforce.internal.SalesforceSetupAuditTrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A live Salesforce org, read-only. Configuration comes from the Metadata API through Force WSC
 * ({@code readMetadata} of StandardValueSets, CustomObjects with their fields, validation rules and sales
 * processes, Workflows, AssignmentRules, Flows, FlowDefinitions and Queues), re-serialized to metadata XML and
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

    private final SalesforceSettings settings;
    private final ConnectorContext context;
    private final SalesforceAuthenticator authenticator;
    private final SalesforceCredentials credentials;
    private final Sleeper sleeper;
    private final RetryPolicy retryPolicy;
    private final List<Path> spools = new ArrayList<>();
    private SalesforceHttp http;

    /** A connector with the standard retry policy and real sleeps. */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context) {
        this(settings, credentials, context, Sleeper.SYSTEM, RetryPolicy.standard());
    }

    /** A connector whose waits (retry backoff, Bulk polling) go through {@code sleeper}. */
    public SalesforceConnector(SalesforceSettings settings, SalesforceCredentials credentials, ConnectorContext context, Sleeper sleeper,
            RetryPolicy retryPolicy) {
        this.settings = requireNonNull(settings, "settings is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.context = requireNonNull(context, "context is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        this.authenticator = new SalesforceAuthenticator(credentials, settings, context.clock());
    }

    @Override
    public Snapshot fetch(FetchRequest request) {
        requireNonNull(request, "request is null");
        Instant asOf = context.clock().instant();
        ApiBudget budget = new ApiBudget(settings.apiBudgetShare());
        Sessions sessions = new Sessions();
        http = new SalesforceHttp(budget, sessions, SecretRedactor.of(credentials.secrets()), sleeper, retryPolicy);
        sessions.session = authenticator.login(http);
        SalesforceQueries queries = new SalesforceQueries(http, settings.apiVersion(), sleeper);
        long[] daily = queries.dailyApiRequests();
        budget.start(daily[0], daily[1]);

        context.progress().started("Reading Salesforce metadata", -1);
        List<String> objects = List.copyOf(request.objects());
        OrgMetadata metadata = OrgMetadata.read(new SalesforceMetadataReader(http), objects);
        SalesforceMetadata configuration = LiveConfiguration.map(metadata, request.objects());
        context.progress().finished();
        ChangeTrail changeTrail = SalesforceSetupAuditTrail.read(queries);

        Completeness completeness = Completeness.full();
        List<CrmRecord> records = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : request.recordFields().entrySet()) {
            // Ask only for fields the org has: a field the blueprint declares but the org lacks is a finding
            // (L2O-FIELD-MISSING), and naming it in SOQL would fail the whole query with INVALID_FIELD.
            List<String> existing = entry.getValue().stream()
                    .filter(name -> configuration.fields().stream().anyMatch(f -> f.object().equalsIgnoreCase(entry.getKey())
                            && f.name().equalsIgnoreCase(name)))
                    .toList();
            try {
                records.addAll(queries.records(entry.getKey(), existing));
            } catch (L2oException e) {
                completeness = incomplete(completeness, e, "records of " + entry.getKey());
            }
        }
        StageHistory history = null;
        if (request.history()) {
            StageHistory opportunities = null;
            StageHistory leads = null;
            try {
                opportunities = history(queries);
            } catch (L2oException e) {
                completeness = incomplete(completeness, e, "OpportunityHistory");
            }
            // A failure on OpportunityHistory is a limit or an outage; another query would only spend more of the org's budget.
            if (opportunities != null) {
                try {
                    leads = leadHistory(queries);
                } catch (L2oException e) {
                    completeness = incomplete(completeness, e, "LeadHistory");
                }
            }
            history = StageHistories.concatPresent(opportunities, leads);
        }
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("apiVersion", settings.apiVersion());
        attributes.put("apiRequests", Long.toString(budget.spent()));
        return new Snapshot(new SourceInfo("salesforce", sessions.session.instanceUrl(), attributes), Crm.SALESFORCE.id(), asOf, completeness,
                configuration.pipelines(), configuration.fields(), configuration.automations(), configuration.assignmentRules(),
                configuration.assignees(), records, history).withChangeTrail(changeTrail);
    }

    private static Completeness incomplete(Completeness completeness, L2oException e, String what) {
        if (e.type() != ErrorType.EXTERNAL) {
            throw e;
        }
        return completeness.with(what + " could not be read fully: " + e.getMessage());
    }

    private StageHistory history(SalesforceQueries queries) {
        Path spool = spool(queries, "OpportunityHistory", HISTORY_FIELDS, "");
        return OpportunityHistoryCsv.open(spool, "Salesforce OpportunityHistory");
    }

    /**
     * Lead status history, or null when the org has none to give: LeadHistory is only queryable while field
     * history tracking is on for Lead, and an org without it is complete, not broken.
     */
    private StageHistory leadHistory(SalesforceQueries queries) {
        Path spool;
        try {
            spool = spool(queries, "LeadHistory", LEAD_HISTORY_FIELDS, LEAD_STATUS_CONDITION);
        } catch (L2oException e) {
            if (e.getCause() instanceof HttpStatusException status && status.status() == 400 && status.body().contains("INVALID_TYPE")) {
                return null;
            }
            throw e;
        }
        return LeadHistoryCsv.open(spool, "Salesforce LeadHistory");
    }

    /** Spools {@code SELECT fields FROM object WHERE where} over REST pages, or Bulk API 2.0 above the threshold. */
    private Path spool(SalesforceQueries queries, String object, List<String> fields, String where) {
        long rows = queries.count(object, where);
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

    private final class Sessions implements SalesforceHttp.SessionHolder {
        SalesforceSession session;

        @Override
        public SalesforceSession current() {
            return session;
        }

        @Override
        public SalesforceSession renew() {
            if (!authenticator.renewable()) {
                return null;
            }
            session = authenticator.login(http);
            return session;
        }
    }
}
