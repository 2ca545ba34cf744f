package dev.l2o.history;

import de.siegmar.fastcsv.reader.CsvRecord;

/** The fields of one row of a history file as text, however the row was read (FastCSV or {@link CsvBytes}). */
interface HistoryFields {
    /** The number of fields. */
    int count();

    /** Field {@code index} as text. */
    String text(int index);

    /** The line the row starts on. */
    long line();

    /** A row FastCSV read. */
    static HistoryFields of(CsvRecord record) {
        return new HistoryFields() {
            @Override
            public int count() {
                return record.getFieldCount();
            }

            @Override
            public String text(int index) {
                return record.getField(index);
            }

            @Override
            public long line() {
                return record.getStartingLineNumber();
            }
        };
    }
}
