package dev.l2o.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A physical reference for {@code bench/run.sh}: {@code java dev.l2o.bench.FastCsvParse FILE} parses the CSV with
 * FastCSV (the library l2o's reader is built on) and does nothing else but count rows and field characters, so
 * the parse cannot be optimised away. What l2o metrics spends beyond this is what it does with the rows.
 */
public final class FastCsvParse {
    private FastCsvParse() {}

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        long rows = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                rows++;
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        System.err.printf("fastcsv: %d rows, %d field characters, parse %.3f s%n", rows, chars,
                (System.nanoTime() - started) / 1e9);
    }
}
