package dev.l2o.salesforce.simulator;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.CsvCharset;
import dev.l2o.history.ExportCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record types of an SFDX project's opportunities: the {@code Id} and {@code RecordType.DeveloperName} columns of
 * {@code data/Opportunity.csv} (headers in any case), the export the org's records came from. A project without the
 * file or the column has opportunities without record types.
 */
final class OpportunityRecordTypesFile {
    static final String NAME = "Opportunity.csv";
    private static final String COLUMN = "RecordType.DeveloperName";

    private OpportunityRecordTypesFile() {}

    static Map<String, String> read(Path file, String displayName) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> recordTypes = new HashMap<>();
        try (CsvReader<CsvRecord> reader = ExportCsv.reader(file, CsvCharset.detect(file, displayName))) {
            int id = -1;
            int recordType = -1;
            for (CsvRecord row : reader) {
                if (id < 0) {
                    List<String> header = row.getFields().stream().map(String::strip).toList();
                    id = indexOf(header, "Id");
                    recordType = indexOf(header, COLUMN);
                    if (id < 0 || recordType < 0) {
                        return Map.of();
                    }
                    continue;
                }
                String name = row.getFieldCount() > recordType ? row.getField(recordType).strip() : "";
                if (row.getFieldCount() > id && !name.isEmpty()) {
                    recordTypes.put(row.getField(id).strip(), name);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw ExportCsv.malformed(displayName, e);
        }
        return recordTypes;
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
