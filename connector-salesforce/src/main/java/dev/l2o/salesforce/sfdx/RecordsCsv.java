package dev.l2o.salesforce.sfdx;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.CsvCharset;
import dev.l2o.history.ExportCsv;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Current record values from a Salesforce export of one object ({@code data/Opportunity.csv}): an {@code Id}
 * column and field columns by API name (any case, any order). Values are typed by the field's type:
 * {@code Currency}, {@code Number} and {@code Percent} are {@code Double}, {@code Checkbox} is {@code Boolean},
 * an empty cell is null, anything else a {@code String}; a column with no known field stays text.
 */
final class RecordsCsv {
    private RecordsCsv() {}

    static List<CrmRecord> read(Path file, String displayName, String object, List<FieldDef> fields) {
        Map<String, FieldDef> byName = new HashMap<>();
        fields.stream().filter(field -> field.object().equals(object))
                .forEach(field -> byName.put(field.name().toLowerCase(Locale.ROOT), field));
        List<CrmRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = ExportCsv.reader(file, CsvCharset.detect(file, displayName))) {
            List<String> header = null;
            List<FieldDef> columns = new ArrayList<>();
            int idColumn = -1;
            for (CsvRecord row : reader) {
                if (header == null) {
                    header = row.getFields().stream().map(String::strip).toList();
                    for (int i = 0; i < header.size(); i++) {
                        columns.add(byName.get(header.get(i).toLowerCase(Locale.ROOT)));
                        if (header.get(i).equalsIgnoreCase("Id")) {
                            idColumn = i;
                        }
                    }
                    if (idColumn < 0) {
                        throw new L2oException(ErrorCode.BAD_SOURCE, displayName + ":" + row.getStartingLineNumber()
                                + ": the header has no column Id");
                    }
                    continue;
                }
                if (row.getFieldCount() != header.size()) {
                    throw new L2oException(ErrorCode.BAD_SOURCE, displayName + ":" + row.getStartingLineNumber() + ": the row has "
                            + row.getFieldCount() + " fields but the header has " + header.size());
                }
                String id = row.getField(idColumn).strip();
                if (id.isEmpty()) {
                    throw new L2oException(ErrorCode.BAD_SOURCE, displayName + ":" + row.getStartingLineNumber()
                            + ": column Id: is empty");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (i == idColumn) {
                        continue;
                    }
                    FieldDef field = columns.get(i);
                    String name = field == null ? header.get(i) : field.name();
                    values.put(name, value(row, i, name, field == null ? "Text" : field.type(), displayName));
                }
                records.add(new CrmRecord(object, id, values));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw ExportCsv.malformed(displayName, e);
        }
        return List.copyOf(records);
    }

    private static Object value(CsvRecord row, int index, String column, String type, String displayName) {
        String text = row.getField(index).strip();
        if (text.isEmpty()) {
            return null;
        }
        switch (type) {
            case "Currency", "Number", "Percent":
                try {
                    return Double.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new L2oException(ErrorCode.BAD_SOURCE, displayName + ":" + row.getStartingLineNumber() + ": column "
                            + column + ": '" + text + "' is not a number");
                }
            case "Checkbox":
                return text.equalsIgnoreCase("true") || text.equals("1");
            default:
                return text;
        }
    }
}
