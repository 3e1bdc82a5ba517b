package cn.shencha.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: printed as they come and written into docs/performance.md between the
 * {@code bench:results:<database>} markers, so the prose around them (design, tuning, bottlenecks) stays as written.
 */
final class Report {

    /** Markers of the section a run on this database rewrites (one section per database). */
    static String start(String database) {
        return "<!-- bench:results:" + database.toLowerCase(java.util.Locale.ROOT) + ":start -->";
    }

    static String end(String database) {
        return "<!-- bench:results:" + database.toLowerCase(java.util.Locale.ROOT) + ":end -->";
    }

    /** One figure next to its target; {@code met} is null where there is no target (reported only). */
    record Row(String scenario, String measure, String size, String figure, String target, Boolean met, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Row> tuning = new ArrayList<>();
    private final Map<String, String> context = new LinkedHashMap<>();
    private final ZonedDateTime started = ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));

    void context(String key, String value) {
        context.put(key, value);
        System.out.printf("[bench] %s: %s%n", key, value);
    }

    void add(Row row) {
        rows.add(row);
        print("result", row);
    }

    /** A before/after pair of one change, measured in this run. */
    void tuning(Row row) {
        tuning.add(row);
        print("tuning", row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    private static void print(String kind, Row row) {
        System.out.printf("[bench] %s | %s | %s | %s | %s | target %s | %s | %s%n", kind, row.scenario(), row.measure(),
                row.size(), row.figure(), row.target(), row.met() == null ? "-" : row.met() ? "met" : "MISSED",
                row.note());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(started.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" (Asia/Shanghai).\n\n");
        md.append("| | |\n|---|---|\n");
        context.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n### Results\n\n| Scenario | Measure | Size | Figure | Target | | Limited by / note |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(line(r));
        }
        if (!tuning.isEmpty()) {
            md.append("\n### Tuning, before and after in this run\n\n| Change | Measure | Size | After | Before | | Note |\n|---|---|---|---|---|---|---|\n");
            for (Row r : tuning) {
                md.append(line(r));
            }
        }
        return md.toString();
    }

    private static String line(Row r) {
        String mark = r.met() == null ? "" : r.met() ? "✅" : "❌ missed";
        return "| " + String.join(" | ", r.scenario(), r.measure(), r.size(), r.figure(), r.target(), mark,
                r.note() == null ? "" : r.note()) + " |\n";
    }

    /** Replaces the results section of the file (or writes a new file with only that section). */
    void writeInto(Path file, String database) {
        String start = start(database);
        String end = end(database);
        String section = start + "\n" + markdown() + end;
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            String updated = from >= 0 && to > from
                    ? text.substring(0, from) + section + text.substring(to + end.length())
                    : text + (text.isEmpty() ? "" : "\n") + section + "\n";
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f/s", perSecond);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String millis(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static String kilobytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
