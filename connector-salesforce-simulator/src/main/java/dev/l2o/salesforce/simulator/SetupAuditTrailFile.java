package dev.l2o.salesforce.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.LeadHistoryCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/SetupAuditTrail.json} of an SFDX project: the org's setup audit trail as the REST query returns its
 * records ({@code CreatedDate}, {@code CreatedBy.Name}, {@code Action}, {@code Section}, {@code Display}). A project
 * without the file has an empty trail.
 */
final class SetupAuditTrailFile {
    static final String NAME = "SetupAuditTrail.json";

    private SetupAuditTrailFile() {}

    static List<SimulatedOrg.SetupAuditRow> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode records;
        try {
            records = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        List<SimulatedOrg.SetupAuditRow> rows = new ArrayList<>();
        for (JsonNode record : records) {
            String date = record.path("CreatedDate").asText("");
            rows.add(new SimulatedOrg.SetupAuditRow(LeadHistoryCsv.parseTimestamp(date).orElseThrow(() -> new L2oException(
                    ErrorCode.BAD_SOURCE, file + ": record " + rows.size() + " has no CreatedDate timestamp: '" + date + "'")),
                    record.path("CreatedBy").path("Name").asText(null), record.path("Action").asText(null),
                    record.path("Section").asText(null), record.path("Display").asText(null)));
        }
        return rows;
    }
}
