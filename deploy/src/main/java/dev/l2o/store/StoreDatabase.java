package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.tools.Server;

/**
 * The database behind the run history and the Quartz job store: a connection pool on the configured
 * PostgreSQL, or on an embedded H2 file under {@code dataDir/store/}, migrated to the current schema with
 * Flyway when opened. Thread-safe; close it to release the pool (and the embedded database's file lock).
 *
 * <p>Only one process can open the embedded file. The one that runs the scheduler ({@link Access#OWNER})
 * therefore also listens on a loopback TCP port and writes that address beside the file, so that
 * {@code l2o history} ({@link Access#READER}) can read the history while {@code l2o serve} runs.
 */
public final class StoreDatabase implements AutoCloseable {
    /** How a process uses the embedded store. */
    public enum Access {
        /** The process that runs the scheduler: it holds the file and lets readers in. */
        OWNER,
        /** A short-lived reader: through the owner's listener if one runs, else the file itself. */
        READER
    }

    private static final String ADDRESS_FILE = "l2o.server";

    private final HikariDataSource dataSource;
    private final StoreDialect dialect;
    private final String description;
    private final Optional<Server> listener;
    private final Optional<Path> addressFile;

    private StoreDatabase(HikariDataSource dataSource, StoreDialect dialect, String description, Optional<Server> listener,
            Optional<Path> addressFile) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.listener = listener;
        this.addressFile = addressFile;
    }

    /** Opens the store as a {@link Access#READER}. */
    public static StoreDatabase open(StoreSettings settings, Path dataDir, Map<String, String> environment, int poolSize) {
        return open(settings, dataDir, environment, poolSize, Access.READER);
    }

    /**
     * Opens the store and migrates its schema.
     *
     * @param environment where the variables named by {@code usernameEnv} / {@code passwordEnv} are read
     * @param poolSize connections in the pool (Quartz needs a few of its own besides the running audits)
     * @param access whether this process owns the embedded store (ignored for PostgreSQL)
     * @throws L2oException BAD_CONFIG when a named variable is not set; SOURCE_UNAVAILABLE when the database
     *     cannot be reached, is held by another process, or cannot be migrated
     */
    public static StoreDatabase open(StoreSettings settings, Path dataDir, Map<String, String> environment, int poolSize,
            Access access) {
        requireNonNull(settings, "settings is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(access, "access is null");
        if (settings.jdbcUrl().isPresent()) {
            String url = settings.jdbcUrl().get();
            HikariConfig config = poolConfig(poolSize, url);
            settings.usernameEnv().ifPresent(name -> config.setUsername(required(environment, name, "store.usernameEnv")));
            settings.passwordEnv().ifPresent(name -> config.setPassword(required(environment, name, "store.passwordEnv")));
            String description = withoutParameters(url);
            return migrated(connect(config, description), StoreDialect.of(url, "store.jdbcUrl"), description, Optional.empty(),
                    Optional.empty());
        }
        Path file = dataDir.resolve("store").resolve("l2o").toAbsolutePath().normalize();
        // async: H2's file system on AsynchronousFileChannel, which a Thread.interrupt does not close. On the default
        // FileChannel, an interrupt that reaches a thread during a write ("If a thread's interrupt status is already
        // set and it invokes a blocking I/O operation upon a channel then the channel will be closed", InterruptibleChannel)
        // closes the database for every connection of the process (h2database#227, #1076), and Quartz interrupts
        // its scheduler thread when it shuts down (QuartzSchedulerThread.halt), possibly mid-commit
        String database = "async:" + file;
        Path addressFile = file.resolveSibling(ADDRESS_FILE);
        String description = "embedded store " + file + ".mv.db";
        if (access == Access.READER) {
            Optional<String> address = readAddress(addressFile);
            if (address.isPresent()) {
                try {
                    return migrated(new HikariDataSource(embeddedConfig(poolSize, "jdbc:h2:" + address.get() + "/" + database)),
                            StoreDialect.H2, description, Optional.empty(), Optional.empty());
                } catch (RuntimeException ownerGone) {
                    // the owner that wrote the address was killed: read the file itself
                }
            }
            // DB_CLOSE_ON_EXIT=FALSE: our shutdown hook, not H2's, decides when the database closes (see OWNER)
            return migrated(connect(embeddedConfig(poolSize, "jdbc:h2:" + database + ";DB_CLOSE_ON_EXIT=FALSE"), description),
                    StoreDialect.H2, description, Optional.empty(), Optional.empty());
        }
        // DB_CLOSE_ON_EXIT=FALSE keeps H2's own shutdown hook from closing the database while ours still lets running
        // audits finish and records them; H2's AUTO_SERVER would need that hook, hence a listener of our own.
        // WRITE_DELAY=0 writes each commit to the file at once (H2 waits up to 500 ms by default): a serve killed
        // with SIGKILL keeps every run it recorded, and the claim of the run it was working on, for the next start
        HikariDataSource dataSource = connect(embeddedConfig(poolSize, "jdbc:h2:" + database + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                description);
        Server listener;
        try {
            // loopback only, and only databases that exist; readers connect with the store's fixed local user
            listener = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists").start();
            Files.writeString(addressFile, "tcp://127.0.0.1:" + listener.getPort() + "\n");
        } catch (SQLException | IOException e) {
            dataSource.close();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot share the " + description + " with readers: " + rootMessage(e), e);
        }
        return migrated(dataSource, StoreDialect.H2, description, Optional.of(listener), Optional.of(addressFile));
    }

    private static HikariConfig poolConfig(int poolSize, String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("l2o-store-" + UUID.randomUUID().toString().substring(0, 8));
        // Flyway holds two connections while it migrates
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setConnectionTimeout(10_000);
        config.setJdbcUrl(url);
        return config;
    }

    private static HikariConfig embeddedConfig(int poolSize, String url) {
        preferLoopbackForEmbeddedServer();
        HikariConfig config = poolConfig(poolSize, url);
        config.setUsername("l2o");
        config.setPassword("");
        return config;
    }

    private static HikariDataSource connect(HikariConfig config, String description) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            if (reason.contains("already in use")) {
                reason = "another l2o serve holds it (one process owns an embedded store; use a PostgreSQL store for a cluster)";
            }
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot open the run history store (" + description + "): " + reason, e);
        }
    }

    private static StoreDatabase migrated(HikariDataSource dataSource, StoreDialect dialect, String description,
            Optional<Server> listener, Optional<Path> addressFile) {
        StoreDatabase database = new StoreDatabase(dataSource, dialect, description, listener, addressFile);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + dialect.migrationFolder(), "classpath:db/migration/common")
                    .placeholders(Map.of("blobType", dialect.blobType()))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            database.close();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot migrate the run history store (" + description + "): "
                    + rootMessage(e), e);
        }
        return database;
    }

    private static Optional<String> readAddress(Path addressFile) {
        try {
            return Files.exists(addressFile) ? Optional.of(Files.readString(addressFile).trim()).filter(text -> text.startsWith("tcp://127.0.0.1:"))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * H2's TCP listener binds all interfaces unless {@code h2.bindAddress} says otherwise; the store is local, so
     * bind it to loopback unless the operator chose an address.
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

    /** The URL without its parameters, which may hold a password. */
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
        listener.ifPresent(Server::stop);
        addressFile.ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale address is detected by the next reader, which then reads the file itself
            }
        });
        dataSource.close();
    }
}
