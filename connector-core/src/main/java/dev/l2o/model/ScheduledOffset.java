package dev.l2o.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When an automation's delayed part runs: a number of days from a date field of the record, or from the event
 * that started it. Salesforce writes these as a record-triggered flow's scheduled paths, HubSpot as workflow
 * delays. Kept in {@link Automation#attributes()} under {@link Automation#SCHEDULE} as text, so that snapshot
 * files need no new shape.
 *
 * @param days signed days: negative is before the field's date, positive after
 * @param field the record's date field the offset counts from, or null when it counts from the triggering event
 */
public record ScheduledOffset(BigDecimal days, String field) {
    private static final String FROM = " days from ";
    private static final String TRIGGER = "trigger";

    public ScheduledOffset {
        days = days.stripTrailingZeros();
        field = field == null || field.isBlank() ? null : field;
    }

    /** Offsets as {@link Automation#SCHEDULE} keeps them: {@code -120 days from EndDate; 1 days from trigger}. */
    public static String format(List<ScheduledOffset> offsets) {
        List<String> parts = new ArrayList<>();
        for (ScheduledOffset offset : offsets) {
            parts.add(offset.days.toPlainString() + FROM + (offset.field == null ? TRIGGER : offset.field));
        }
        return String.join("; ", parts);
    }

    /** The offsets written by {@link #format}; text in another shape is skipped. */
    public static List<ScheduledOffset> parse(String text) {
        List<ScheduledOffset> offsets = new ArrayList<>();
        if (text == null) {
            return offsets;
        }
        for (String part : text.split(";")) {
            int at = part.indexOf(FROM);
            if (at < 0) {
                continue;
            }
            try {
                String field = part.substring(at + FROM.length()).strip();
                offsets.add(new ScheduledOffset(new BigDecimal(part.substring(0, at).strip()), field.equals(TRIGGER) ? null : field));
            } catch (NumberFormatException e) {
                // written by another version: skipped rather than failing the audit
            }
        }
        return offsets;
    }

    /**
     * An offset given in a CRM's unit ({@code Days}, {@code Hours}, {@code Minutes}, {@code Weeks}, {@code Months},
     * any case; HubSpot's {@code DAYS}), or null for a unit it does not know. Months count as 30 days.
     */
    public static ScheduledOffset of(String number, String unit, String field) {
        if (number == null || unit == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        BigDecimal perDay = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "days", "day" -> BigDecimal.ONE;
            case "hours", "hour" -> BigDecimal.valueOf(24);
            case "minutes", "minute" -> BigDecimal.valueOf(24 * 60);
            case "weeks", "week" -> BigDecimal.ONE.divide(BigDecimal.valueOf(7), 10, RoundingMode.HALF_EVEN);
            case "months", "month" -> BigDecimal.ONE.divide(BigDecimal.valueOf(30), 10, RoundingMode.HALF_EVEN);
            default -> null;
        };
        if (perDay == null) {
            return null;
        }
        return new ScheduledOffset(value.divide(perDay, 4, RoundingMode.HALF_EVEN), field);
    }
}
