package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.support.MigrationContract;
import cn.shencha.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * V80_1 on a database of the schema before it (Flyway target 79.1): every candidate's process state moves into
 * review_case as it was, candidate loses the eight columns, and the indexes the columns had are there again.
 */
abstract class ReviewCaseMigrationContract extends MigrationContract {

    @Test
    void theCasesMoveIntoReviewCase() throws SQLException {
        db.flyway("79.1").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("insert into district (code, name) values ('12', '天津考区')");
            s.execute("insert into exam_site (code, district_code, name) values ('1201', '12', '和平区考点')");
            s.execute("insert into candidate (season_code, registration_no, name, id_number, exam_category, district_code,"
                    + " site_code, phase, process_instance_id, submitted_at, locked_at, verdict, verdict_reason,"
                    + " verdict_decided_at, verdict_published_at, created_at, version) values ('2026', '120126000001', '张伟',"
                    + " '120101199001011234', '临床执业医师', '12', '1201', 'REJECTED', 'pi-1', '2026-02-01 02:00:00',"
                    + " '2026-02-01 02:00:00', 'REJECTED', '学历不符合报考条件', '2026-03-01 03:00:00', '2026-03-20 02:00:00',"
                    + " '2026-01-20 00:00:00', 7)");
            s.execute("insert into candidate (season_code, registration_no, name, id_number, exam_category, district_code,"
                    + " site_code, phase, process_instance_id, created_at) values ('2026', '120126000002', '李娜',"
                    + " '120101199001015678', '临床执业医师', '12', '1201', 'UPLOADING', 'pi-2', '2026-01-20 00:00:00')");
        }
        db.flyway("latest").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(MigrationDatabase.rows(s, "select c.registration_no, r.phase, r.process_instance_id, r.submitted_at, r.locked_at,"
                    + " r.verdict, r.verdict_reason, r.verdict_decided_at, r.verdict_published_at, r.version"
                    + " from review_case r join candidate c on c.id = r.candidate_id order by c.registration_no"))
                    .containsExactly(
                            "120126000001|REJECTED|pi-1|2026-02-01 02:00:00|2026-02-01 02:00:00|REJECTED|学历不符合报考条件"
                                    + "|2026-03-01 03:00:00|2026-03-20 02:00:00|0",
                            "120126000002|UPLOADING|pi-2|null|null|null|null|null|null|0");
            assertThat(MigrationDatabase.rows(s, "select version from candidate where registration_no = '120126000001'")).containsExactly("7");
            for (String column : List.of("phase", "process_instance_id", "submitted_at", "locked_at", "verdict",
                    "verdict_reason", "verdict_decided_at", "verdict_published_at")) {
                assertThatThrownBy(() -> s.executeQuery("select " + column + " from candidate")).isInstanceOf(SQLException.class);
            }
            // A case belongs to a candidate.
            assertThatThrownBy(() -> s.execute("insert into review_case (candidate_id, phase) values (999999, 'UPLOADING')"))
                    .isInstanceOf(SQLException.class);
            DatabaseMetaData meta = c.getMetaData();
            assertThat(indexedColumns(meta, "review_case")).contains("process_instance_id", "phase");
            assertThat(indexedColumns(meta, "candidate")).contains("district_code", "site_code", "season_code,district_code");
        }
    }

    /** Each index of the table as its columns in order, comma-separated, in lower case. */
    private static Set<String> indexedColumns(DatabaseMetaData meta, String table) throws SQLException {
        java.util.Map<String, List<String>> byIndex = new java.util.TreeMap<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME") != null) {
                        List<String> columns = byIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>());
                        int position = rs.getShort("ORDINAL_POSITION");
                        while (columns.size() < position) {
                            columns.add("");
                        }
                        columns.set(position - 1, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Set<String> result = new TreeSet<>();
        byIndex.values().forEach(columns -> result.add(String.join(",", columns)));
        return result;
    }
}
