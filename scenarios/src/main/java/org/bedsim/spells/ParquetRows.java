package org.bedsim.spells;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A Parquet file's rows, read by DuckDB's embedded engine (in memory, no server, no network): every Parquet type,
 * encoding and compression it knows, streamed a vector at a time so memory does not grow with the file. Values
 * become the text a CSV would hold: DATE as {@code 2024-01-05}, TIMESTAMP as {@code 2024-01-05T10:30}, numbers
 * plain, NULL empty. Rows are located by their number in the file (1 for the first row).
 */
final class ParquetRows implements Rows {
    private final Path file;
    private final Connection db;
    private Statement statement;
    private ResultSet rows;
    private int width;
    private int[] kinds;
    private long row;

    ParquetRows(Path file) throws IOException {
        this.file = file;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            p.setProperty("jdbc_stream_results", "true"); // a vector at a time, not the whole result in memory
            db = DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement s = db.createStatement()) {
                s.execute("SET threads TO 1"); // rows in file order; the checks that follow are the bottleneck
                s.execute("SET autoinstall_known_extensions = false"); // never the network
            }
        } catch (ClassNotFoundException | SQLException e) {
            throw new IOException("the Parquet reader cannot start (" + firstLine(e.getMessage()) + ")");
        }
    }

    @Override
    public List<String> header() throws IOException {
        try {
            PreparedStatement ps = db.prepareStatement("SELECT * FROM read_parquet(?)");
            ps.setString(1, file.toAbsolutePath().toString());
            statement = ps;
            rows = ps.executeQuery();
            ResultSetMetaData md = rows.getMetaData();
            width = md.getColumnCount();
            kinds = new int[width];
            List<String> names = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                names.add(md.getColumnName(i + 1));
                kinds[i] = md.getColumnType(i + 1);
            }
            return names;
        } catch (SQLException e) {
            throw new SpellExtract.ExtractError(file + ": not a readable Parquet file (" + reason(e) + ")");
        }
    }

    @Override
    public boolean next(List<String> out) throws IOException {
        out.clear();
        try {
            if (!rows.next()) {
                return false;
            }
            row++;
            for (int i = 0; i < width; i++) {
                out.add(text(i + 1, kinds[i]));
            }
            return true;
        } catch (SQLException e) {
            throw new SpellExtract.ExtractError(file + ": not a readable Parquet file after row " + row + " ("
                    + reason(e) + ")");
        }
    }

    private String text(int column, int kind) throws SQLException {
        Object v = rows.getObject(column);
        if (v == null) {
            return "";
        }
        switch (kind) {
            case Types.DATE:
                return rows.getObject(column, LocalDate.class).toString();
            case Types.TIMESTAMP:
                return rows.getObject(column, LocalDateTime.class).toString();
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rows.getObject(column, OffsetDateTime.class).toLocalDateTime().toString();
            default:
                return v.toString();
        }
    }

    @Override
    public long recordLine() {
        return row;
    }

    @Override
    public String unit() {
        return "row";
    }

    @Override
    public void close() throws IOException {
        try {
            if (statement != null) {
                statement.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new IOException(firstLine(e.getMessage()), e);
        }
    }

    /** The engine's message without its error class and the file's path (the caller names the file). */
    private String reason(SQLException e) {
        String m = firstLine(e.getMessage());
        int colon = m.indexOf(" Error: ");
        if (colon >= 0 && colon < 30) {
            m = m.substring(colon + " Error: ".length());
        }
        return m.replace(file.toAbsolutePath().toString(), file.getFileName().toString());
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "no detail";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
