package dev.l2o.history;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * CSV exports other than the history files (current records of one object, {@code data/Opportunity.csv}): read
 * with the same bounded reader as the history files, so that a file with an unclosed quote or without line breaks
 * is refused at {@link #MAX_FIELD_CHARACTERS} instead of being buffered whole, and with the same one-line syntax
 * errors naming the file and line.
 */
public final class ExportCsv {
    /** The longest field an export may have, in characters: the history files' limit. */
    public static final int MAX_FIELD_CHARACTERS = HistoryCsv.MAX_FIELD_CHARACTERS;

    private ExportCsv() {}

    /** A reader of {@code file}: byte-order mark detected, rows of any length, fields bounded. */
    public static CsvReader<CsvRecord> reader(Path file, Charset charset) throws IOException {
        return HistoryCsv.reader(file, charset);
    }

    /** A CSV syntax error or limit of an export as a one-line {@link ErrorCode#BAD_SOURCE} error. */
    public static L2oException malformed(String displayName, CsvParseException e) {
        return HistoryCsv.malformedCsv(displayName, e, ErrorCode.BAD_SOURCE);
    }
}
