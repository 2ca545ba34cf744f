package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database behind the run history and the Quartz job store: a connection pool on the configured
 * PostgreSQL, or on an embedded H2 file under {@code dataDir/store/}, migrated to the current schema with
 * Flyway when opened. Thread-safe; close it to release the pool (and the embedded database's file lock).
 */
public final class StoreDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final StoreDialect dialect;
    private final String description;

    private StoreDatabase(HikariDataSource dataSource, StoreDialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    /**
     * Opens the store and migrates its schema.
     *
     * @param environment where the variables named by {@code usernameEnv} / {@code passwordEnv} are read
     * @param poolSize connections in the pool (Quartz needs a few of its own besides the running audits)
     * @throws L2oException BAD_CONFIG when a named variable is not set; SOURCE_UNAVAILABLE when the database
     *     cannot be reached or migrated
     */
    public static StoreDatabase open(StoreSettings settings, Path dataDir, Map<String, String> environment, int poolSize) {
        requireNonNull(settings, "settings is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(environment, "environment is null");
        HikariConfig config = new HikariConfig();
        config.setPoolName("l2o-store-" + UUID.randomUUID().toString().substring(0, 8));
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        StoreDialect dialect;
        String description;
        if (settings.jdbcUrl().isPresent()) {
            String url = settings.jdbcUrl().get();
            dialect = StoreDialect.of(url, "store.jdbcUrl");
            config.setJdbcUrl(url);
            settings.usernameEnv().ifPresent(name -> config.setUsername(required(environment, name, "store.usernameEnv")));
            settings.passwordEnv().ifPresent(name -> config.setPassword(required(environment, name, "store.passwordEnv")));
            description = withoutParameters(url);
        } else {
            dialect = StoreDialect.H2;
            Path file = dataDir.resolve("store").resolve("l2o").toAbsolutePath().normalize();
            preferLoopbackForEmbeddedServer();
            // AUTO_SERVER lets `l2o history` read the store while `l2o serve` holds it open; DB_CLOSE_ON_EXIT=FALSE
            // keeps H2's own shutdown hook from closing the database before ours has recorded interrupted runs.
            config.setJdbcUrl("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("l2o");
            config.setPassword("");
            description = "embedded store " + file + ".mv.db";
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot open the run history store (" + description + "): "
                    + rootMessage(e), e);
        }
        try {
            migrate(dataSource, dialect);
        } catch (FlywayException e) {
            dataSource.close();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot migrate the run history store (" + description + "): "
                    + rootMessage(e), e);
        }
        return new StoreDatabase(dataSource, dialect, description);
    }

    private static void migrate(DataSource dataSource, StoreDialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.migrationFolder(), "classpath:db/migration/common")
                .placeholders(Map.of("blobType", dialect.blobType()))
                .load()
                .migrate();
    }

    /**
     * H2's automatic mixed mode listens on all interfaces unless {@code h2.bindAddress} says otherwise; the
     * store is local, so bind it to loopback unless the operator chose an address.
     */
    private static void preferLoopbackForEmbeddedServer() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private static String required(Map<String, String> environment, String name, String setting) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new L2oException(ErrorCode.BAD_CONFIG, setting + ": environment variable " + name + " is not set");
        }
        return value;
    }

    /** The URL without its query string, which may hold a password. */
    static String withoutParameters(String url) {
        int question = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int cut = question < 0 ? semicolon : semicolon < 0 ? question : Math.min(question, semicolon);
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof SQLException sql && sql.getSQLState() != null
                ? root.getMessage() + " (SQL state " + sql.getSQLState() + ")"
                : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StoreDialect dialect() {
        return dialect;
    }

    /** A printable name of the store (never credentials). */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
