package cn.shencha.retention;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators: the retention period per district, the preview of what each season's purge deletes and when, the
 * holds that keep one candidate's data past it (with a reason), the purges done (the audit records), and a due purge
 * started now instead of at the next hourly run.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class RetentionService {

    static final int MAX_REASON = 500;

    /** A district's retention period; {@code updatedBy} null while it is the default. */
    public record DistrictRetention(String districtCode, String districtName, int retentionDays, boolean isDefault,
                                    String updatedBy, Instant updatedAt) {
    }

    /**
     * What the purge of one season's district deletes, and when: the candidates still to purge and their images,
     * messages, notifications, delivery addresses, contacts and finished cases' engine history; the held ones and the
     * cases still running, left out; the ones already purged.
     */
    public record Preview(String seasonCode, String districtCode, String districtName, Instant publishedAt,
                          boolean published, int retentionDays, Instant dueAt, boolean due, long candidates,
                          long images, long messages, long notifications, long addresses, long contacts,
                          long processInstances, long held, long running, long purged) {
    }

    public record Hold(long id, String seasonCode, String registrationNo, String candidateName, String districtCode,
                       String reason, String heldBy, Instant heldAt, String releasedBy, Instant releasedAt,
                       String releaseReason) {

        @com.fasterxml.jackson.annotation.JsonProperty("active")
        public boolean active() {
            return releasedAt == null;
        }
    }

    /** One purge: the audit record of what was deleted, by whom (or the scheduler) and when. */
    public record Purge(long id, String seasonCode, String districtCode, int retentionDays, Instant publishedAt,
                        Instant dueAt, String state, String startedBy, Instant startedAt, Instant finishedAt,
                        int candidates, int images, int messages, int notifications, int deliveries, int contacts,
                        int processInstances, int held, int running) {
    }

    private final JdbcTemplate jdbc;
    private final RetentionRules rules;
    private final RetentionPurge purge;
    private final Clock clock;

    RetentionService(JdbcTemplate jdbc, RetentionRules rules, RetentionPurge purge, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.purge = purge;
        this.clock = clock;
    }

    public int minDays() {
        return RetentionRules.MIN_DAYS;
    }

    public int maxDays() {
        return RetentionRules.MAX_DAYS;
    }

    @Transactional(readOnly = true)
    public List<DistrictRetention> settings() {
        return jdbc.query("""
                select d.code, d.name, s.retention_days, s.updated_by, s.updated_at
                from district d left join retention_setting s on s.district_code = d.code order by d.code""",
                (rs, n) -> {
                    int days = rs.getInt(3);
                    boolean isDefault = rs.wasNull();
                    return new DistrictRetention(rs.getString(1), rs.getString(2),
                            isDefault ? RetentionRules.DEFAULT_DAYS : days, isDefault, rs.getString(4),
                            Utc.read(rs, 5));
                });
    }

    /** Sets the district's period ({@link RetentionRules#MIN_DAYS}..{@link RetentionRules#MAX_DAYS} days). */
    @Transactional
    public DistrictRetention setRetention(String districtCode, int days) {
        requireDistrict(districtCode);
        if (days < RetentionRules.MIN_DAYS || days > RetentionRules.MAX_DAYS) {
            throw ShenchaException.badRequest("RETENTION_DAYS_OUT_OF_RANGE", RetentionRules.MIN_DAYS,
                    RetentionRules.MAX_DAYS);
        }
        String by = CurrentUser.staffScope().userId();
        Instant now = clock.instant();
        // Two administrators saving the same district at once: the district's row serialises them, so the second
        // updates the row the first inserted instead of failing on its key.
        jdbc.queryForList("select code from district where code = ? for update", districtCode);
        int updated = jdbc.update("update retention_setting set retention_days = ?, updated_by = ?, updated_at = ?"
                + " where district_code = ?", days, by, Utc.of(now), districtCode);
        if (updated == 0) {
            jdbc.update("insert into retention_setting (district_code, retention_days, updated_by, updated_at)"
                    + " values (?, ?, ?, ?)", districtCode, days, by, Utc.of(now));
        }
        return settings().stream().filter(s -> s.districtCode().equals(districtCode)).findFirst().orElseThrow();
    }

    /** Every season's district with its publication: what its purge deletes and when, newest season first. */
    @Transactional(readOnly = true)
    public List<Preview> preview() {
        Instant now = clock.instant();
        Map<String, Integer> days = rules.settings();
        return jdbc.query("""
                        select s.season_code, s.district_code, d.name, s.results_publish_at from season_schedule s
                        join district d on d.code = s.district_code
                        order by s.season_code desc, s.district_code""",
                (rs, n) -> {
                    String district = rs.getString(2);
                    Instant published = Utc.read(rs, 4);
                    int period = days.getOrDefault(district, RetentionRules.DEFAULT_DAYS);
                    return preview(rs.getString(1), district, rs.getString(3), published, period, now);
                });
    }

    private Preview preview(String season, String district, String districtName, Instant published, int period,
                            Instant now) {
        Instant dueAt = published.plus(Duration.ofDays(period));
        String of = " from candidate c where c.season_code = ? and c.district_code = ? and c.purged_at is null";
        String notHeld = " and not exists (select 1 from retention_hold h where h.candidate_id = c.id and h.released_at is null)";
        String held = " and exists (select 1 from retention_hold h where h.candidate_id = c.id and h.released_at is null)";
        String ended = " and not exists (select 1 from review_case r join ACT_RU_EXECUTION e on e.PROC_INST_ID_ = r.process_instance_id where r.candidate_id = c.id)";
        String running = " and exists (select 1 from review_case r join ACT_RU_EXECUTION e on e.PROC_INST_ID_ = r.process_instance_id where r.candidate_id = c.id)";
        String toPurge = of + notHeld + ended;
        return new Preview(season, district, districtName, published, !published.isAfter(now), period, dueAt,
                !dueAt.isAfter(now),
                count("select count(*)" + toPurge, season, district),
                count("select count(*) from material_image i where i.purged_at is null and i.candidate_id in (select c.id"
                        + toPurge + ")", season, district),
                count("select count(*) from candidate_message m where m.body <> '' and m.candidate_id in (select c.id"
                        + toPurge + ")", season, district),
                count("select count(*) from notification m where m.body <> '' and m.candidate_id in (select c.id"
                        + toPurge + ")", season, district),
                count("select count(*) from notification_delivery d join notification m on m.id = d.notification_id"
                        + " where d.recipient is not null and m.candidate_id in (select c.id" + toPurge + ")",
                        season, district),
                count("select count(*) from notification_contact k where k.candidate_id in (select c.id" + toPurge + ")",
                        season, district),
                count("""
                        select count(*) from ACT_HI_PROCINST h
                        join ACT_HI_VARINST vs on vs.PROC_INST_ID_ = h.PROC_INST_ID_ and vs.NAME_ = 'seasonCode' and vs.TEXT_ = ?
                        join ACT_HI_VARINST vd on vd.PROC_INST_ID_ = h.PROC_INST_ID_ and vd.NAME_ = 'districtCode' and vd.TEXT_ = ?
                        where h.END_TIME_ is not null
                          and not exists (select 1 from review_case r join candidate c on c.id = r.candidate_id where r.process_instance_id = h.PROC_INST_ID_
                                          and c.purged_at is null and exists (select 1 from retention_hold x
                                              where x.candidate_id = c.id and x.released_at is null))""",
                        season, district),
                count("select count(*)" + of + held, season, district),
                count("select count(*)" + of + notHeld + running, season, district),
                count("select count(*) from candidate c where c.season_code = ? and c.district_code = ?"
                        + " and c.purged_at is not null", season, district));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Transactional(readOnly = true)
    public List<Hold> holds() {
        return jdbc.query("""
                select h.id, c.season_code, c.registration_no, c.name, c.district_code, h.reason, h.held_by, h.held_at,
                       h.released_by, h.released_at, h.release_reason
                from retention_hold h join candidate c on c.id = h.candidate_id
                order by case when h.released_at is null then 0 else 1 end, h.held_at desc, h.id desc""",
                (rs, n) -> new Hold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Utc.read(rs, 8), rs.getString(9), Utc.read(rs, 10),
                        rs.getString(11)));
    }

    /** Keeps the candidate's data past the period until the hold is released; not once it is purged. */
    @Transactional
    public Hold hold(String seasonCode, String registrationNo, String reason) {
        String why = requireReason(reason, "HOLD_REASON_REQUIRED");
        // The candidate's row locked: serialises two holds of the same candidate, and a hold with the purge's
        // blanking of that candidate, so purged_at read here is the final word.
        List<Map<String, Object>> found = jdbc.queryForList(
                "select id, purged_at from candidate where season_code = ? and registration_no = ? for update",
                seasonCode, registrationNo == null ? "" : registrationNo.trim());
        if (found.isEmpty()) {
            throw ShenchaException.notFound("CANDIDATE_NOT_FOUND");
        }
        long candidateId = ((Number) found.get(0).get("id")).longValue();
        if (found.get(0).get("purged_at") != null) {
            throw ShenchaException.conflict("ALREADY_PURGED", registrationNo);
        }
        if (count("select count(*) from retention_hold where candidate_id = ? and released_at is null", candidateId) > 0) {
            throw ShenchaException.conflict("ALREADY_HELD", registrationNo);
        }
        jdbc.update("insert into retention_hold (candidate_id, reason, held_by, held_at) values (?, ?, ?, ?)",
                candidateId, why, CurrentUser.staffScope().userId(), Utc.of(clock.instant()));
        Long id = jdbc.queryForObject("select max(id) from retention_hold where candidate_id = ?", Long.class,
                candidateId);
        return hold(id);
    }

    /** Ends a hold: the candidate is purged by the next run if the period has ended. */
    @Transactional
    public Hold release(long holdId, String reason) {
        String why = requireReason(reason, "RELEASE_REASON_REQUIRED");
        Hold hold = hold(holdId);
        if (!hold.active()) {
            throw ShenchaException.conflict("HOLD_ALREADY_RELEASED");
        }
        jdbc.update("update retention_hold set released_by = ?, released_at = ?, release_reason = ?"
                        + " where id = ? and released_at is null", CurrentUser.staffScope().userId(),
                Utc.of(clock.instant()), why, holdId);
        return hold(holdId);
    }

    private Hold hold(long id) {
        return holds().stream().filter(h -> h.id() == id).findFirst()
                .orElseThrow(() -> ShenchaException.notFound("HOLD_NOT_FOUND"));
    }

    @Transactional(readOnly = true)
    public List<Purge> purges() {
        return jdbc.query("""
                select id, season_code, district_code, retention_days, published_at, due_at, state, started_by,
                       started_at, finished_at, candidates, images, messages, notifications, deliveries, contacts,
                       process_instances, held, running
                from retention_purge order by started_at desc, id desc""",
                (rs, n) -> new Purge(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), Utc.read(rs, 5),
                        Utc.read(rs, 6), rs.getString(7), rs.getString(8), Utc.read(rs, 9), Utc.read(rs, 10),
                        rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
                        rs.getInt(17), rs.getInt(18), rs.getInt(19)));
    }

    /**
     * Runs the due purge of the season's district now (the scheduler would within the hour). Not in a transaction:
     * every batch commits on its own. 409 RETENTION_NOT_DUE before the date, NOTHING_TO_PURGE when all is done.
     */
    public Purge purgeNow(String seasonCode, String districtCode) {
        String by = CurrentUser.staffScope().userId();
        RetentionRules.Due due = rules.of(seasonCode, districtCode, clock.instant())
                .orElseThrow(() -> ShenchaException.conflict("RETENTION_NOT_DUE", seasonCode, districtCode));
        if (due.dueAt().isAfter(clock.instant())) {
            throw ShenchaException.conflict("RETENTION_NOT_DUE", seasonCode, districtCode);
        }
        long id = purge.purge(due, by).orElseThrow(() -> ShenchaException.conflict("NOTHING_TO_PURGE",
                seasonCode, districtCode));
        return purges().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private void requireDistrict(String districtCode) {
        if (count("select count(*) from district where code = ?", districtCode) == 0) {
            throw ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode);
        }
    }

    private static String requireReason(String reason, String code) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw ShenchaException.badRequest(code);
        }
        if (why.length() > MAX_REASON) {
            throw ShenchaException.badRequest("REASON_TOO_LONG", MAX_REASON);
        }
        return why;
    }
}
