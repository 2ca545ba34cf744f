package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

/**
 * {@code renewal} of a renewal lifecycle: the automation that creates the renewal opportunity ahead of contract end.
 *
 * @param automation the API name of the flow (Salesforce) or workflow (HubSpot) that creates it
 * @param daysBeforeContractEnd how many days before contract end it is created
 * @param contractEndField the date field the schedule counts from (default {@code EndDate})
 * @param contractTermDays the contract term in days when the schedule counts from the contract start instead, or
 *     0 (default) when it counts only from {@code contractEndField}
 */
public record RenewalSpec(String automation, Integer daysBeforeContractEnd, String contractEndField, Integer contractTermDays) {
    public RenewalSpec {
        requireNonNull(automation, "automation is null");
        requireNonNull(daysBeforeContractEnd, "daysBeforeContractEnd is null");
        contractEndField = contractEndField == null ? "EndDate" : contractEndField;
        contractTermDays = contractTermDays == null ? 0 : contractTermDays;
    }
}
