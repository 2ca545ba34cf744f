package dev.l2o.model;

import static java.util.Objects.requireNonNull;

/**
 * A stable, printable address of something in a CRM, used by reports as a finding's location:
 * {@code salesforce:Opportunity.StageName#Closed Won}, {@code hubspot:pipeline/default/stage/closedwon}.
 *
 * @param crm the address scheme ({@code salesforce}, {@code hubspot})
 * @param path the address inside the CRM
 * @param file the source file that defines it, relative to the source root, or null when there is none
 *     (live CRMs)
 * @param line the 1-based line in {@code file}, or 0 when unknown
 */
public record ResourceRef(String crm, String path, String file, int line) {
    public ResourceRef {
        requireNonNull(crm, "crm is null");
        requireNonNull(path, "path is null");
        if (line < 0) {
            throw new IllegalArgumentException("line is negative");
        }
    }

    public static ResourceRef of(String crm, String path) {
        return new ResourceRef(crm, path, null, 0);
    }

    public ResourceRef inFile(String file, int line) {
        return new ResourceRef(crm, path, file, line);
    }

    /** The printable address, {@code crm:path}. */
    public String address() {
        return crm + ":" + path;
    }

    @Override
    public String toString() {
        return address();
    }
}
