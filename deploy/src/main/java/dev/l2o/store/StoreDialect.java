package dev.l2o.store;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;

/** The databases the store runs on, with what differs between them. */
public enum StoreDialect {
    H2("h2", "BLOB", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate"),
    POSTGRESQL("postgresql", "BYTEA", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");

    private final String migrationFolder;
    private final String blobType;
    private final String quartzDelegateClass;

    StoreDialect(String migrationFolder, String blobType, String quartzDelegateClass) {
        this.migrationFolder = migrationFolder;
        this.blobType = blobType;
        this.quartzDelegateClass = quartzDelegateClass;
    }

    /** The dialect of a JDBC URL; {@code what} names the setting in the error message. */
    public static StoreDialect of(String jdbcUrl, String what) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new L2oException(ErrorCode.BAD_CONFIG, what + ": the store must be a jdbc:postgresql: (or jdbc:h2:) URL");
    }

    /** The folder below {@code db/migration} with this database's Quartz tables. */
    public String migrationFolder() {
        return migrationFolder;
    }

    /** The column type for compressed snapshots. */
    public String blobType() {
        return blobType;
    }

    /** Quartz's {@code org.quartz.jobStore.driverDelegateClass} for this database. */
    public String quartzDelegateClass() {
        return quartzDelegateClass;
    }
}
