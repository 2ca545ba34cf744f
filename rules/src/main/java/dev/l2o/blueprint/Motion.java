package dev.l2o.blueprint;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which part of the bowtie a lifecycle serves: winning the customer, keeping it, or growing it. */
public enum Motion {
    @JsonProperty("newBusiness")
    NEW_BUSINESS("newBusiness"),
    @JsonProperty("renewal")
    RENEWAL("renewal"),
    @JsonProperty("expansion")
    EXPANSION("expansion");

    private final String blueprintName;

    Motion(String blueprintName) {
        this.blueprintName = blueprintName;
    }

    /** The name as the blueprint and reports write it: {@code newBusiness}, {@code renewal}, {@code expansion}. */
    public String blueprintName() {
        return blueprintName;
    }

    /** Whether it serves the customer after the first sale (the right side of the bowtie). */
    public boolean postSale() {
        return this != NEW_BUSINESS;
    }
}
