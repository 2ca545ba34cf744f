package dev.l2o.salesforce.simulator;

import static java.util.Objects.requireNonNull;

import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.StageHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a simulated Salesforce org: its metadata (as Force WSC records), its OpportunityHistory
 * rows and the Status rows of its LeadHistory (a few per lead, so held as they are). Immutable and thread-safe; one org can back several simulators.
 */
public final class SimulatedOrg {
    /** Setup changes of a generated org: 180 busy days, more than one query page. */
    static final int GENERATED_SETUP_CHANGES = 2_500;

    private final String organizationId;
    private final String name;
    private final MetadataStore metadata;
    private final HistoryTable history;
    private final List<LeadHistoryCsv.StatusChange> leadHistory;
    private final Map<String, Instant> deletedOpportunities;
    private final Map<String, Instant> touchedOpportunities;
    private final List<SetupAuditRow> setupAuditTrail;
    /** Opportunity id → the developer name of its record type; opportunities not here have none (the master record type). */
    private final Map<String, String> opportunityRecordTypes;

    /**
     * One row of the org's {@code SetupAuditTrail}, as the REST API returns its fields.
     *
     * @param createdDate when the change was made
     * @param createdByName the user's name ({@code CreatedBy.Name})
     */
    public record SetupAuditRow(Instant createdDate, String createdByName, String action, String section, String display) {
        public SetupAuditRow {
            requireNonNull(createdDate, "createdDate is null");
        }
    }

    private SimulatedOrg(String organizationId, String name, MetadataStore metadata, HistoryTable history,
            List<LeadHistoryCsv.StatusChange> leadHistory) {
        this(organizationId, name, metadata, history, leadHistory, List.of());
    }

    private SimulatedOrg(String organizationId, String name, MetadataStore metadata, HistoryTable history,
            List<LeadHistoryCsv.StatusChange> leadHistory, List<SetupAuditRow> setupAuditTrail) {
        this(organizationId, name, metadata, history, leadHistory, setupAuditTrail, Map.of(), Map.of(), Map.of());
    }

    private SimulatedOrg(String organizationId, String name, MetadataStore metadata, HistoryTable history,
            List<LeadHistoryCsv.StatusChange> leadHistory, List<SetupAuditRow> setupAuditTrail,
            Map<String, Instant> deletedOpportunities, Map<String, Instant> touchedOpportunities,
            Map<String, String> opportunityRecordTypes) {
        this.touchedOpportunities = Map.copyOf(touchedOpportunities);
        this.opportunityRecordTypes = Map.copyOf(opportunityRecordTypes);
        this.organizationId = requireNonNull(organizationId, "organizationId is null");
        this.name = requireNonNull(name, "name is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.history = requireNonNull(history, "history is null");
        this.leadHistory = leadHistory == null ? null : List.copyOf(leadHistory);
        this.deletedOpportunities = Map.copyOf(deletedOpportunities);
        // SOQL's ORDER BY CreatedDate DESC, the only order the connector asks for; null when setup is not readable
        this.setupAuditTrail = setupAuditTrail == null ? null
                : setupAuditTrail.stream().sorted(Comparator.comparing(SetupAuditRow::createdDate).reversed()).toList();
    }

    /**
     * This org after changes: {@code added} history rows written, the opportunities in {@code deleted} deleted at
     * the given times (their history goes with them, and {@code getDeleted} lists them), and the metadata
     * components {@code changed} (added or replaced) or {@code removed} ({@code type/fullName}) at {@code at}, with the
     * {@code SetupAuditTrail} rows {@code audited} that Setup writes for such changes (none kept when the trail cannot be read).
     */
    SimulatedOrg withChanges(List<ChangedHistoryTable.AddedRow> added, Map<String, Instant> deleted,
            List<MetadataStore.Component> changed, Set<String> removed, Instant at, List<SetupAuditRow> audited) {
        Map<String, Instant> allDeleted = new HashMap<>(deletedOpportunities);
        allDeleted.putAll(deleted);
        List<SetupAuditRow> trail = null;
        if (setupAuditTrail != null) {
            trail = new ArrayList<>(setupAuditTrail);
            trail.addAll(audited);
        }
        return new SimulatedOrg(organizationId, name, metadata.with(changed, removed, at), new ChangedHistoryTable(history, added,
                deleted.keySet()), leadHistory, trail, allDeleted, touchedOpportunities, opportunityRecordTypes);
    }

    /**
     * This org with opportunities saved at the given times without a history row (a restore from the recycle
     * bin, an edit of a field OpportunityHistory does not track): their {@code SystemModstamp} moves, nothing else.
     */
    SimulatedOrg withTouched(Map<String, Instant> touched) {
        Map<String, Instant> all = new HashMap<>(touchedOpportunities);
        all.putAll(touched);
        return new SimulatedOrg(organizationId, name, metadata, history, leadHistory, setupAuditTrail, deletedOpportunities, all,
                opportunityRecordTypes);
    }

    /**
     * This org with its opportunities of the given record types (opportunity id → record type developer name), as
     * {@code RecordType.DeveloperName} answers for them; the others have none. Record types the metadata lacks count as none.
     */
    public SimulatedOrg withOpportunityRecordTypes(Map<String, String> recordTypes) {
        requireNonNull(recordTypes, "recordTypes is null");
        return new SimulatedOrg(organizationId, name, metadata, history, leadHistory, setupAuditTrail, deletedOpportunities,
                touchedOpportunities, recordTypes);
    }

    /** The developer name of an opportunity's record type, or null when it has none. */
    String opportunityRecordType(String opportunityId) {
        return opportunityRecordTypes.get(opportunityId);
    }

    /** When an opportunity was last saved without a history row, or null. */
    Instant touched(String opportunityId) {
        return touchedOpportunities.get(opportunityId);
    }

    /** Opportunities deleted by changes, with when; {@code getDeleted} lists them. */
    Map<String, Instant> deletedOpportunities() {
        return deletedOpportunities;
    }

    /**
     * The org an SFDX project was retrieved from: every metadata file of its package directories, the
     * rows of {@code data/OpportunityHistory.csv} when the project has one, and its opportunities' record types when
     * {@code data/Opportunity.csv} names them.
     *
     * @throws dev.l2o.error.L2oException (USER) when a file cannot be read or parsed; the message names it
     */
    public static SimulatedOrg fromSfdx(Path project) {
        Path csv = project.resolve("data").resolve("OpportunityHistory.csv");
        return fromSfdx(project, Files.isRegularFile(csv) ? OpportunityHistoryCsv.open(csv, "data/OpportunityHistory.csv") : null);
    }

    /**
     * The org of an SFDX project with {@code history} as its OpportunityHistory (null for none). Its LeadHistory
     * is the Status rows of the project's {@code data/LeadHistory.csv}; without that file the org does not track
     * Lead field history, and LeadHistory cannot be queried.
     */
    public static SimulatedOrg fromSfdx(Path project, StageHistory history) {
        requireNonNull(project, "project is null");
        MetadataStore metadata = SfdxOrgLoader.load(project);
        HistoryTable rows = history == null ? ColumnHistoryTable.empty() : ColumnHistoryTable.of(history);
        Path leadCsv = project.resolve("data").resolve("LeadHistory.csv");
        List<LeadHistoryCsv.StatusChange> leadRows = null;
        if (Files.isRegularFile(leadCsv)) {
            leadRows = new ArrayList<>();
            LeadHistoryCsv.open(leadCsv, "data/LeadHistory.csv").forEachChange(leadRows::add);
        }
        Path fileName = project.toAbsolutePath().normalize().getFileName();
        return new SimulatedOrg("00D5e000000SimAAA".substring(0, 15), fileName == null ? "SFDX org" : fileName.toString(),
                metadata, rows, leadRows, SetupAuditTrailFile.read(project.resolve("data").resolve(SetupAuditTrailFile.NAME)))
                .withOpportunityRecordTypes(OpportunityRecordTypesFile.read(project.resolve("data").resolve(OpportunityRecordTypesFile.NAME),
                        "data/" + OpportunityRecordTypesFile.NAME));
    }

    /**
     * A generated org: {@code sizes.fields()} custom fields, {@code sizes.flows()} record-triggered flows with
     * their definitions, {@code sizes.validationRules()} validation rules on Opportunity, a sales process, a
     * workflow, lead assignment rules, queues, {@value #GENERATED_SETUP_CHANGES} rows of setup audit trail, and
     * {@code sizes.historyRows()} history rows computed on demand (no memory per row). The same seed gives
     * the same org.
     */
    public static SimulatedOrg generate(long seed, OrgSizes sizes) {
        requireNonNull(sizes, "sizes is null");
        return new SimulatedOrg("00D5e000000GenAAA".substring(0, 15), "Generated org " + seed, OrgGenerator.metadata(seed, sizes),
                new GeneratedHistoryTable(seed, sizes.historyRows(), SimulatedStage.DEFAULTS), null,
                OrgGenerator.setupAuditTrail(seed, GENERATED_SETUP_CHANGES));
    }

    /** The 15-character organization id. */
    public String organizationId() {
        return organizationId;
    }

    /** The organization name the login result reports. */
    public String name() {
        return name;
    }

    /** The number of OpportunityHistory rows. */
    public int historyRows() {
        return history.size();
    }

    /** How many components of a metadata type ({@code Flow}, {@code CustomField}) the org has. */
    public int metadataCount(String type) {
        return metadata.count(type);
    }

    MetadataStore metadata() {
        return metadata;
    }

    HistoryTable history() {
        return history;
    }

    /** This org with {@code rows} as its setup audit trail (any order). */
    public SimulatedOrg withSetupAuditTrail(List<SetupAuditRow> rows) {
        requireNonNull(rows, "rows is null");
        return new SimulatedOrg(organizationId, name, metadata, history, leadHistory, rows, deletedOpportunities, touchedOpportunities,
                opportunityRecordTypes);
    }

    /** This org as a user without "View Setup and Configuration" sees it: SetupAuditTrail cannot be queried. */
    public SimulatedOrg withoutSetupAccess() {
        return new SimulatedOrg(organizationId, name, metadata, history, leadHistory, null, deletedOpportunities, touchedOpportunities,
                opportunityRecordTypes);
    }

    /** The number of rows of the setup audit trail (0 when the user may not read it). */
    public int setupAuditTrailRows() {
        return setupAuditTrail == null ? 0 : setupAuditTrail.size();
    }

    /** The setup audit trail newest first, or null when the user may not read it. */
    List<SetupAuditRow> setupAuditTrail() {
        return setupAuditTrail;
    }

    /** The LeadHistory Status rows, or null when the org does not track Lead field history. */
    List<LeadHistoryCsv.StatusChange> leadHistory() {
        return leadHistory;
    }
}
