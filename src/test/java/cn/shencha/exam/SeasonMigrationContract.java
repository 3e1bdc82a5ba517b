package cn.shencha.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.support.MigrationContract;
import cn.shencha.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * V73_1 on a database of the schema before seasons (Flyway target 72.1): the districts' schedules, the catalog and
 * the candidates move into a first season named for the year of the upload deadline in Beijing time, and a
 * registration number becomes unique per season. An empty database gets the season 2026.
 */
abstract class SeasonMigrationContract extends MigrationContract {

    @Test
    void existingDataMovesIntoTheFirstSeason() throws SQLException {
        db.flyway("72.1").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // An upload deadline of 2027-01-01 00:30 in Beijing is still 2026 in UTC (as stored): the year is Beijing's.
            s.execute("insert into district (code, name, upload_start, upload_deadline, supplement_deadline, results_publish_at)"
                    + " values ('12', '天津考区', '2026-12-01 02:00:00', '2026-12-31 16:30:00', '2027-02-28 16:00:00', '2027-03-20 02:00:00')");
            s.execute("insert into exam_site (code, district_code, name) values ('1201', '12', '和平区考点')");
            s.execute("insert into material_type (district_code, code, name, name_en, description, min_count, max_count, sort_order)"
                    + " values ('12', 'ID_CARD', '身份证', 'ID card', '正反面', 1, 2, 10)");
            s.execute("insert into material_requirement (material_type_id, exam_category)"
                    + " select id, '临床执业医师' from material_type");
            s.execute("insert into candidate (registration_no, name, id_number, exam_category, district_code, site_code, phase, created_at)"
                    + " values ('120127000001', '张伟', '120101199001011234', '临床执业医师', '12', '1201', 'UPLOADING', '2026-12-01 00:00:00')");
        }
        db.flyway("latest").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(MigrationDatabase.rows(s, "select code, name from exam_season")).containsExactly("2027|2027年医师资格考试");
            assertThat(MigrationDatabase.rows(s, "select season_code, district_code, upload_deadline from season_schedule"))
                    .singleElement().satisfies(row -> assertThat(row).startsWith("2027|12|2026-12-31 16:30:00"));
            assertThat(MigrationDatabase.rows(s, "select season_code, code from material_type")).containsExactly("2027|ID_CARD");
            assertThat(MigrationDatabase.rows(s, "select season_code, registration_no from candidate")).containsExactly("2027|120127000001");
            // The same number again in another season is a second candidate; twice in one season it is refused.
            s.execute("insert into exam_season (code, name, opened_at, opened_by) values ('2028', '2028年医师资格考试', '2027-12-01 00:00:00', 'test')");
            s.execute("insert into candidate (season_code, registration_no, name, id_number, exam_category, district_code, site_code, created_at)"
                    + " values ('2028', '120127000001', '张伟', '120101199001011234', '临床执业医师', '12', '1201', '2027-12-01 00:00:00')");
            assertThatThrownBy(() -> s.execute("insert into candidate (season_code, registration_no, name, id_number, exam_category,"
                    + " district_code, site_code, created_at) values ('2028', '120127000001', '张伟', '120101199001011234',"
                    + " '临床执业医师', '12', '1201', '2027-12-01 00:00:00')")).isInstanceOf(SQLException.class);
            s.execute("insert into material_type (season_code, district_code, code, name, name_en, description, min_count, max_count, sort_order)"
                    + " values ('2028', '12', 'ID_CARD', '身份证', 'ID card', '正反面', 1, 2, 10)");
            assertThat(MigrationDatabase.rows(s, "select count(*) from material_type")).containsExactly("2");
        }
    }

    @Test
    void anEmptyDatabaseStartsWithTheSeason2026() throws SQLException {
        db.flyway("latest").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(MigrationDatabase.rows(s, "select code, name, closed_at from exam_season")).containsExactly("2026|2026年医师资格考试|null");
            assertThat(MigrationDatabase.rows(s, "select count(*) from season_schedule")).containsExactly("0");
        }
    }
}
