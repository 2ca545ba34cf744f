package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The run history: one row per audit and scheduled fire time, with the run's findings, maturity scores,
 * stage medians, report files and compressed snapshot. Plain JDBC on H2 or PostgreSQL; safe to use from
 * several threads and from several processes on one database (a Quartz cluster).
 *
 * <p>Database failures are thrown as {@link L2oException} with code SOURCE_UNAVAILABLE.
 */
public final class RunHistoryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int DETAIL_LENGTH = 2000;
    private static final String RUN_COLUMNS = "RUN_ID, AUDIT_NAME, FIRE_TIME, STATUS, NODE_ID, ATTEMPT, STARTED_AT, FINISHED_AT, "
            + "ERROR_COUNT, WARNING_COUNT, INFO_COUNT, MATURITY_OVERALL, DETAIL, REPORT_DIR";
    private static final String RUNNING = "RUNNING";

    private final DataSource dataSource;

    public RunHistoryStore(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /**
     * Claims the run of {@code auditName} for {@code fireTime}: records it as running on {@code nodeId}, or
     * takes over a run of that fire time that is still marked running or was interrupted (its node died or
     * was stopped). Returns empty when the fire time already has a finished run, so a fire time never ends
     * with two runs.
     */
    public Optional<RunRecord> claim(String auditName, Instant fireTime, String nodeId, Instant startedAt) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO L2O_RUN "
                    + "(AUDIT_NAME, FIRE_TIME, STATUS, NODE_ID, ATTEMPT, STARTED_AT) VALUES (?, ?, ?, ?, 1, ?)")) {
                insert.setString(1, auditName);
                insert.setLong(2, fireTime.toEpochMilli());
                insert.setString(3, RUNNING);
                insert.setString(4, nodeId);
                insert.setLong(5, startedAt.toEpochMilli());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                try (PreparedStatement takeOver = connection.prepareStatement("UPDATE L2O_RUN SET STATUS = ?, NODE_ID = ?, "
                        + "ATTEMPT = ATTEMPT + 1, STARTED_AT = ?, FINISHED_AT = NULL, DETAIL = NULL "
                        + "WHERE AUDIT_NAME = ? AND FIRE_TIME = ? AND STATUS IN (?, ?)")) {
                    takeOver.setString(1, RUNNING);
                    takeOver.setString(2, nodeId);
                    takeOver.setLong(3, startedAt.toEpochMilli());
                    takeOver.setString(4, auditName);
                    takeOver.setLong(5, fireTime.toEpochMilli());
                    takeOver.setString(6, RUNNING);
                    takeOver.setString(7, RunOutcome.INTERRUPTED.name());
                    if (takeOver.executeUpdate() == 0) {
                        return Optional.empty();
                    }
                }
            }
            return queryRuns(connection, "WHERE AUDIT_NAME = ? AND FIRE_TIME = ?", 1, auditName, fireTime.toEpochMilli())
                    .stream().findFirst();
        } catch (SQLException e) {
            throw failure("record the start of a run of " + auditName, e);
        }
    }

    /**
     * Records how a claimed run finished, replacing whatever an earlier attempt of the same run left, if
     * {@code attempt} still owns the run: a node that was paused (or cut off) long enough for another node to
     * take its run over must not overwrite the newer attempt's result. Returns false, recording nothing, when
     * the run is no longer this attempt's.
     */
    public boolean complete(RunRecord attempt, CompletedRun run) {
        requireNonNull(attempt, "attempt is null");
        requireNonNull(run, "run is null");
        long runId = attempt.runId();
        Map<Severity, Integer> counts = new TreeMap<>();
        run.findings().forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement update = connection.prepareStatement("UPDATE L2O_RUN SET STATUS = ?, FINISHED_AT = ?, "
                        + "ERROR_COUNT = ?, WARNING_COUNT = ?, INFO_COUNT = ?, MATURITY_OVERALL = ?, DETAIL = ?, REPORT_DIR = ? "
                        + "WHERE RUN_ID = ? AND STATUS = ? AND NODE_ID = ? AND ATTEMPT = ?")) {
                    update.setString(1, run.outcome().name());
                    update.setLong(2, run.finishedAt().toEpochMilli());
                    update.setInt(3, counts.getOrDefault(Severity.ERROR, 0));
                    update.setInt(4, counts.getOrDefault(Severity.WARNING, 0));
                    update.setInt(5, counts.getOrDefault(Severity.INFO, 0));
                    if (run.maturity().isPresent()) {
                        update.setDouble(6, run.maturity().get().overall());
                    } else {
                        update.setNull(6, Types.DOUBLE);
                    }
                    update.setString(7, run.detail().map(RunHistoryStore::truncate).orElse(null));
                    update.setString(8, run.reportDirectory().map(Object::toString).orElse(null));
                    update.setLong(9, runId);
                    update.setString(10, RUNNING);
                    update.setString(11, attempt.nodeId());
                    update.setInt(12, attempt.attempt());
                    if (update.executeUpdate() != 1) {
                        connection.rollback();
                        return false;
                    }
                }
                for (String table : List.of("L2O_RUN_FINDING", "L2O_RUN_MATURITY", "L2O_RUN_STAGE", "L2O_RUN_FILE", "L2O_RUN_SNAPSHOT",
                        "L2O_RUN_COVERAGE")) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE RUN_ID = ?")) {
                        delete.setLong(1, runId);
                        delete.executeUpdate();
                    }
                }
                insertChildren(connection, runId, run);
                connection.commit();
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw failure("record the end of run " + runId, e);
        }
    }

    private static void insertChildren(Connection connection, long runId, CompletedRun run) throws SQLException, IOException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO L2O_RUN_FINDING (RUN_ID, POSITION, RULE_ID, SEVERITY, SUBJECT, MESSAGE) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (FindingSummary finding : run.findings()) {
                insert.setLong(1, runId);
                insert.setInt(2, position++);
                insert.setString(3, finding.ruleId());
                insert.setString(4, finding.severity().name());
                insert.setString(5, finding.subject());
                insert.setString(6, finding.message());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (run.maturity().isPresent()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO L2O_RUN_MATURITY (RUN_ID, POSITION, DIMENSION, SCORE) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (Map.Entry<String, Double> dimension : run.maturity().get().dimensions().entrySet()) {
                    insert.setLong(1, runId);
                    insert.setInt(2, position++);
                    insert.setString(3, dimension.getKey());
                    insert.setDouble(4, dimension.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO L2O_RUN_STAGE (RUN_ID, POSITION, STAGE, MEDIAN_DAYS) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (StageMedian median : run.stageMedians()) {
                insert.setLong(1, runId);
                insert.setInt(2, position++);
                insert.setString(3, median.stage());
                insert.setDouble(4, median.medianDays());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO L2O_RUN_FILE (RUN_ID, POSITION, NAME) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String file : run.reportFiles()) {
                insert.setLong(1, runId);
                insert.setInt(2, position++);
                insert.setString(3, file);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (run.coverage().isPresent()) {
            insertCoverage(connection, runId, run.coverage().get());
        }
        if (run.snapshotFile().isPresent()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO L2O_RUN_SNAPSHOT (RUN_ID, CONTENT) VALUES (?, ?)");
                    InputStream content = Files.newInputStream(run.snapshotFile().get())) {
                insert.setLong(1, runId);
                insert.setBinaryStream(2, content, Files.size(run.snapshotFile().get()));
                insert.executeUpdate();
            }
        }
    }

    private static void insertCoverage(Connection connection, long runId, CoverageShares coverage) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO L2O_RUN_COVERAGE (RUN_ID, POSITION, SECTION, SHARE) VALUES (?, ?, ?, ?)")) {
            Map<String, Double> rows = new LinkedHashMap<>();
            rows.put(CoverageShares.OVERALL, coverage.overall());
            rows.putAll(coverage.sections());
            int position = 0;
            for (Map.Entry<String, Double> row : rows.entrySet()) {
                insert.setLong(1, runId);
                insert.setInt(2, position++);
                insert.setString(3, row.getKey());
                insert.setDouble(4, row.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Marks a claimed run as interrupted, unless it finished meanwhile or another attempt took it over. */
    public void markInterrupted(RunRecord attempt, Instant at, String detail) {
        long runId = attempt.runId();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE L2O_RUN SET STATUS = ?, FINISHED_AT = ?, DETAIL = ? "
                        + "WHERE RUN_ID = ? AND STATUS = ? AND NODE_ID = ? AND ATTEMPT = ?")) {
            connection.setAutoCommit(true);
            update.setString(1, RunOutcome.INTERRUPTED.name());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, truncate(detail));
            update.setLong(4, runId);
            update.setString(5, RUNNING);
            update.setString(6, attempt.nodeId());
            update.setInt(7, attempt.attempt());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("mark run " + runId + " interrupted", e);
        }
    }

    /**
     * Marks every run still recorded as running as interrupted: for a process that owns the store alone, at
     * start, when such runs can only be left over from a stop it did not survive.
     */
    public int interruptRunning(Instant at, String detail) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE L2O_RUN SET STATUS = ?, FINISHED_AT = ?, DETAIL = ? WHERE STATUS = ?")) {
            connection.setAutoCommit(true);
            update.setString(1, RunOutcome.INTERRUPTED.name());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, truncate(detail));
            update.setString(4, RUNNING);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure("mark stale runs interrupted", e);
        }
    }

    /** A held lock on one audit; closing it releases the lock. */
    public interface AuditLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock on {@code auditName} if no other attempt holds it: held by an open transaction until closed,
     * and released by the database when the holder's connection ends (its process died). Returns empty when
     * another attempt holds it.
     */
    public Optional<AuditLock> tryLockAudit(String auditName) {
        try {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO L2O_AUDIT_LOCK (AUDIT_NAME) VALUES (?)")) {
                connection.setAutoCommit(true);
                insert.setString(1, auditName);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT AUDIT_NAME FROM L2O_AUDIT_LOCK WHERE AUDIT_NAME = ? FOR UPDATE SKIP LOCKED")) {
                    select.setString(1, auditName);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            return Optional.of(() -> release(connection));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                release(connection);
                throw e;
            }
            release(connection);
            return Optional.empty();
        } catch (SQLException e) {
            throw failure("lock audit " + auditName, e);
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // the connection broke (database restart): the database released the lock with it
        }
    }

    /** Whether {@code attempt} is still the running attempt of its run (no other node took it over). */
    public boolean stillOwns(RunRecord attempt) {
        return run(attempt.runId()).filter(current -> current.outcome().isEmpty() && current.nodeId().equals(attempt.nodeId())
                && current.attempt() == attempt.attempt()).isPresent();
    }

    /**
     * Whether a failure of this store is a lost or refused connection (the database restarting, a network cut), after
     * which the same call may succeed, rather than a failure of the statement itself.
     */
    public static boolean isConnectionFailure(L2oException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // 08: connection exception; 57P: the server is shutting down or restarting (PostgreSQL)
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The runs of one audit, or of all audits, newest fire time first. */
    public List<RunRecord> runs(Optional<String> auditName, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return auditName.isPresent()
                    ? queryRuns(connection, "WHERE AUDIT_NAME = ?", limit, auditName.get())
                    : queryRuns(connection, "", limit);
        } catch (SQLException e) {
            throw failure("read the run history", e);
        }
    }

    public Optional<RunRecord> run(long runId) {
        try (Connection connection = dataSource.getConnection()) {
            return queryRuns(connection, "WHERE RUN_ID = ?", 1, runId).stream().findFirst();
        } catch (SQLException e) {
            throw failure("read run " + runId, e);
        }
    }

    /**
     * The latest finished run of an audit before {@code fireTime} that got as far as a result: interrupted
     * runs are skipped, since they say nothing about the CRM.
     */
    public Optional<RunRecord> previousResult(String auditName, Instant fireTime) {
        try (Connection connection = dataSource.getConnection()) {
            return queryRuns(connection, "WHERE AUDIT_NAME = ? AND FIRE_TIME < ? AND STATUS NOT IN (?, ?)", 1,
                    auditName, fireTime.toEpochMilli(), RUNNING, RunOutcome.INTERRUPTED.name()).stream().findFirst();
        } catch (SQLException e) {
            throw failure("read the previous run of " + auditName, e);
        }
    }

    /** The newest finished run of each audit that has one, by audit name. */
    public List<RunRecord> latestFinishedRuns() {
        try (Connection connection = dataSource.getConnection()) {
            return queryRuns(connection, "WHERE STATUS <> ? AND FIRE_TIME = (SELECT MAX(LATEST.FIRE_TIME) FROM L2O_RUN LATEST "
                    + "WHERE LATEST.AUDIT_NAME = L2O_RUN.AUDIT_NAME AND LATEST.STATUS <> ?)", Integer.MAX_VALUE, RUNNING, RUNNING)
                    .stream().sorted(Comparator.comparing(RunRecord::auditName)).toList();
        } catch (SQLException e) {
            throw failure("read the latest runs", e);
        }
    }

    public List<FindingSummary> findings(long runId) {
        return queryChildren("SELECT RULE_ID, SEVERITY, SUBJECT, MESSAGE FROM L2O_RUN_FINDING WHERE RUN_ID = ? ORDER BY POSITION",
                runId, rows -> new FindingSummary(rows.getString(1), Severity.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getString(4)));
    }

    public List<StageMedian> stageMedians(long runId) {
        return queryChildren("SELECT STAGE, MEDIAN_DAYS FROM L2O_RUN_STAGE WHERE RUN_ID = ? ORDER BY POSITION",
                runId, rows -> new StageMedian(rows.getString(1), rows.getDouble(2)));
    }

    public List<String> reportFiles(long runId) {
        return queryChildren("SELECT NAME FROM L2O_RUN_FILE WHERE RUN_ID = ? ORDER BY POSITION", runId, rows -> rows.getString(1));
    }

    /** The run's maturity scores, if it computed them. */
    public Optional<MaturityScores> maturity(long runId) {
        Optional<RunRecord> run = run(runId);
        if (run.isEmpty() || run.get().maturityOverall().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> dimensions = new LinkedHashMap<>();
        queryChildren("SELECT DIMENSION, SCORE FROM L2O_RUN_MATURITY WHERE RUN_ID = ? ORDER BY POSITION", runId,
                rows -> dimensions.put(rows.getString(1), rows.getDouble(2)));
        return Optional.of(new MaturityScores(run.get().maturityOverall().getAsDouble(), dimensions));
    }

    /** The run's blueprint coverage, if it computed one. */
    public Optional<CoverageShares> coverage(long runId) {
        Map<String, Double> rows = new LinkedHashMap<>();
        queryChildren("SELECT SECTION, SHARE FROM L2O_RUN_COVERAGE WHERE RUN_ID = ? ORDER BY POSITION", runId,
                result -> rows.put(result.getString(1), result.getDouble(2)));
        Double overall = rows.remove(CoverageShares.OVERALL);
        return overall == null ? Optional.empty() : Optional.of(new CoverageShares(overall, rows));
    }

    /** The run's snapshot (gzip JSON) as written by the audit, if it kept one. */
    public Optional<byte[]> snapshot(long runId) {
        List<byte[]> contents = queryChildren("SELECT CONTENT FROM L2O_RUN_SNAPSHOT WHERE RUN_ID = ?", runId,
                rows -> rows.getBytes(1));
        return contents.stream().findFirst();
    }

    /**
     * Deletes the finished runs of an audit beyond the newest {@code keep} (with everything stored for them)
     * and returns them, so that the caller can delete their report folders. Running runs are never deleted.
     */
    public List<RunRecord> deleteBeyond(String auditName, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<RunRecord> finished = queryRuns(connection, "WHERE AUDIT_NAME = ? AND STATUS <> ?", Integer.MAX_VALUE,
                    auditName, RUNNING);
            List<RunRecord> expired = finished.subList(Math.min(keep, finished.size()), finished.size());
            List<RunRecord> deleted = new ArrayList<>();
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM L2O_RUN WHERE RUN_ID = ? AND STATUS <> ?")) {
                for (RunRecord run : expired) {
                    delete.setLong(1, run.runId());
                    delete.setString(2, RUNNING);
                    if (delete.executeUpdate() == 1) {
                        deleted.add(run);
                    }
                }
            }
            return List.copyOf(deleted);
        } catch (SQLException e) {
            throw failure("apply the retention of " + auditName, e);
        }
    }

    /** The names of the audits with runs in the store, sorted. */
    public List<String> auditNames() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT AUDIT_NAME FROM L2O_RUN ORDER BY AUDIT_NAME");
                ResultSet rows = select.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw failure("read the audit names", e);
        }
    }

    private List<RunRecord> queryRuns(Connection connection, String where, int limit, Object... parameters) throws SQLException {
        String sql = "SELECT " + RUN_COLUMNS + " FROM L2O_RUN " + where + " ORDER BY FIRE_TIME DESC, AUDIT_NAME";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<RunRecord> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && runs.size() < limit) {
                    runs.add(toRecord(rows));
                }
            }
            return runs;
        }
    }

    private static RunRecord toRecord(ResultSet rows) throws SQLException {
        String status = rows.getString("STATUS");
        long finishedAt = rows.getLong("FINISHED_AT");
        boolean finished = !rows.wasNull();
        double maturity = rows.getDouble("MATURITY_OVERALL");
        boolean hasMaturity = !rows.wasNull();
        return new RunRecord(
                rows.getLong("RUN_ID"),
                rows.getString("AUDIT_NAME"),
                Instant.ofEpochMilli(rows.getLong("FIRE_TIME")),
                RUNNING.equals(status) ? Optional.empty() : Optional.of(RunOutcome.valueOf(status)),
                rows.getString("NODE_ID"),
                rows.getInt("ATTEMPT"),
                Instant.ofEpochMilli(rows.getLong("STARTED_AT")),
                finished ? Optional.of(Instant.ofEpochMilli(finishedAt)) : Optional.empty(),
                rows.getInt("ERROR_COUNT"),
                rows.getInt("WARNING_COUNT"),
                rows.getInt("INFO_COUNT"),
                hasMaturity ? OptionalDouble.of(maturity) : OptionalDouble.empty(),
                Optional.ofNullable(rows.getString("DETAIL")),
                Optional.ofNullable(rows.getString("REPORT_DIR")));
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> queryChildren(String sql, long runId, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, runId);
            List<T> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(mapper.map(rows));
                }
            }
            return values;
        } catch (SQLException e) {
            throw failure("read run " + runId, e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    private static L2oException failure(String action, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot " + action + " in the run history store: " + message, e);
    }
}
