package cn.shencha.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the app's database to see when something has happened (every case locked, every timer moved): the
 * benchmark never writes through it. Short queries on the candidate table's indexes and Camunda's.
 */
final class Observer implements AutoCloseable {

    private final Connection connection;

    Observer(String url, String user, String password) {
        try {
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized int casesInPhase(String district, String phase) {
        return count("select count(*) from candidate c join review_case r on r.candidate_id = c.id"
                + " where c.district_code = ? and r.phase = ?", district, phase);
    }

    synchronized int cases() {
        return count("select count(*) from candidate");
    }

    synchronized int published(String district) {
        return count("select count(*) from candidate c join review_case r on r.candidate_id = c.id"
                + " where c.district_code = ? and r.verdict_published_at is not null", district);
    }

    record Timers(int count, Instant earliest, Instant latest) {
    }

    /**
     * The upload-deadline timers that wait for a district's cases: its triggers' (processes/upload-deadline.bpmn, the
     * district's and its candidates' own), and any timer of a case of an earlier process version.
     */
    synchronized Timers uploadDeadlineTimers(String district) {
        String sql = "select count(*), min(DUEDATE_), max(DUEDATE_) from ("
                + " select j.DUEDATE_ from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                + "  join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_"
                + "  where d.ACT_ID_ = 'uploadDeadlineDue'"
                + "   and (e.BUSINESS_KEY_ like concat('upload-deadline:%:', ?) or e.BUSINESS_KEY_ like concat('upload-deadline:%:', ?, ':%'))"
                + " union all"
                + " select j.DUEDATE_ from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                + "  join review_case r on r.process_instance_id = j.PROCESS_INSTANCE_ID_"
                + "  join candidate c on c.id = r.candidate_id"
                + "  where d.ACT_ID_ = 'uploadDeadlinePassed' and c.district_code = ?) timers";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, district);
            statement.setString(2, district);
            statement.setString(3, district);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Timers(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In-app messages of one kind to a district's candidates. */
    synchronized int notices(String district, String kind) {
        return count("select count(*) from candidate_message m join candidate c on c.id = m.candidate_id"
                + " where c.district_code = ? and m.kind = ?", district, kind);
    }

    /** Review tasks of one exam site (siteReview) or district (districtReview). */
    synchronized List<String> reviewTasks(String column, String code, String taskKey) {
        String sql = "select t.ID_ from ACT_RU_TASK t join review_case r on r.process_instance_id = t.PROC_INST_ID_"
                + " join candidate c on c.id = r.candidate_id"
                + " where c." + column + " = ? and t.TASK_DEF_KEY_ = ? order by t.ID_";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, code);
            statement.setString(2, taskKey);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    synchronized String phaseOf(String registrationNo) {
        try (PreparedStatement statement = connection.prepareStatement("select r.phase from candidate c join review_case r on r.candidate_id = c.id where c.registration_no = ?")) {
            statement.setString(1, registrationNo);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String version() {
        try (PreparedStatement statement = connection.prepareStatement("select version()");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return connection.getMetaData().getDatabaseProductName() + " " + rs.getString(1);
        } catch (SQLException e) {
            try {
                return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException ignored) {
                return "?";
            }
        }
    }

    private int count(String sql, String... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
