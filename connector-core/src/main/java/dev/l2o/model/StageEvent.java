package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of stage history: at {@code at}, record {@code recordId} was in stage {@code stage}. Salesforce
 * also writes a row when the amount, probability or close date changes, so consecutive rows may repeat a
 * stage.
 *
 * @param object the object ({@code Opportunity}, {@code Lead}, {@code deals})
 * @param recordId the record id
 * @param stage the stage API name as stored on the record
 * @param at when the row was written
 * @param amount the amount at that time, or null
 * @param closeDate the close date at that time, or null
 * @param probability the probability in percent at that time, or null
 * @param forecastCategory the forecast category at that time, or null
 */
public record StageEvent(
        String object,
        String recordId,
        String stage,
        Instant at,
        Double amount,
        LocalDate closeDate,
        Double probability,
        ForecastCategory forecastCategory) {
    public StageEvent {
        requireNonNull(object, "object is null");
        requireNonNull(recordId, "recordId is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(at, "at is null");
    }
}
