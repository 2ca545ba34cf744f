package dev.l2o.metrics;

/** Takes the history one record at a time, its rows in time order (ties in source order). */
interface RecordWalk {
    /** Folds in record {@code id}, whose rows {@code rows} holds in time order; {@code rows} is reused afterwards. */
    void walk(String id, RecordBuffer rows);
}
