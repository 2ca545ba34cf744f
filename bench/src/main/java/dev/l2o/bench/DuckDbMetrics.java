package dev.l2o.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * DuckDB's side of the benchmark: {@code java dev.l2o.bench.DuckDbMetrics FILE} computes the same figures
 * in SQL (window functions and {@code quantile_cont}) and prints {@link Figures}. Ties in time are ordered by
 * the row's position in the file ({@code rowid} of a table loaded in file order).
 */
public final class DuckDbMetrics {
    private static final String CLOSED = "('Closed Won', 'Closed Lost')";
    private static final String WON = "'Closed Won'";

    private DuckDbMetrics() {}

    public static void main(String[] args) throws SQLException {
        long started = System.nanoTime();
        long asOf = Instant.parse(Figures.AS_OF).toEpochMilli();
        Figures figures = new Figures();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET preserve_insertion_order = true");
            statement.execute("CREATE TABLE h AS SELECT OpportunityId AS rec, StageName AS stage, epoch_ms(CreatedDate) AS ms"
                    + " FROM read_csv('" + args[0].replace("'", "''") + "', header = true,"
                    + " columns = {'Id': 'VARCHAR', 'OpportunityId': 'VARCHAR', 'StageName': 'VARCHAR', 'Amount': 'DOUBLE',"
                    + " 'Probability': 'DOUBLE', 'CloseDate': 'DATE', 'ForecastCategory': 'VARCHAR', 'CreatedDate': 'TIMESTAMPTZ'})");
            statement.execute("CREATE TABLE stays AS"
                    + " WITH o AS (SELECT rec, stage, ms, rowid AS rn,"
                    + "   lag(stage) OVER (PARTITION BY rec ORDER BY ms, rowid) AS prev FROM h WHERE ms <= " + asOf + "),"
                    + " starts AS (SELECT rec, stage, ms, rn FROM o WHERE prev IS NULL OR prev <> stage)"
                    + " SELECT rec, stage, ms AS start_ms, lead(ms) OVER (PARTITION BY rec ORDER BY ms, rn) AS end_ms FROM starts");
            try (ResultSet rows = statement.executeQuery("SELECT stage, count(DISTINCT rec), count(end_ms), count(*) - count(end_ms),"
                    + " sum(end_ms - start_ms) / count(end_ms) / 86400000.0,"
                    + " quantile_cont(end_ms - start_ms, 0.5) / 86400000.0, quantile_cont(end_ms - start_ms, 0.9) / 86400000.0"
                    + " FROM stays GROUP BY stage")) {
                while (rows.next()) {
                    figures.stage(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), nullable(rows, 5),
                            nullable(rows, 6), nullable(rows, 7));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT"
                    + " (SELECT count(DISTINCT rec) FROM stays),"
                    + " (SELECT count(*) FILTER (WHERE stage = " + WON + ") / count(*) FILTER (WHERE stage IN " + CLOSED + ")"
                    + "   FROM stays WHERE end_ms IS NULL),"
                    + " (SELECT quantile_cont(first_closed - first, 0.5) / 86400000.0 FROM"
                    + "   (SELECT rec, min(start_ms) AS first, min(start_ms) FILTER (WHERE stage IN " + CLOSED + ") AS first_closed"
                    + "    FROM stays GROUP BY rec) WHERE first_closed IS NOT NULL)")) {
                rows.next();
                figures.totals(rows.getLong(1), nullable(rows, 2), nullable(rows, 3));
            }
        }
        long computed = System.nanoTime();
        figures.print(System.out);
        System.err.printf("duckdb: load+compute %.3f s%n", (computed - started) / 1e9);
    }

    private static Double nullable(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
