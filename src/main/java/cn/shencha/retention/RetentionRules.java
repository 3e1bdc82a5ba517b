package cn.shencha.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention rule: a season's personal data in a district is kept for the district's retention period after the
 * district published that season's results ({@code season_schedule.results_publish_at}, which "publish now" moves to
 * the moment of publication), then purged. The period is the administrator's, between {@link #MIN_DAYS} and
 * {@link #MAX_DAYS} days, {@link #DEFAULT_DAYS} until set.
 */
@Component
class RetentionRules {

    /** Half a year: appeals and re-checks of a published result are over long before. */
    static final int DEFAULT_DAYS = 180;
    /** At least a month after publication: the time candidates have to ask about their result. */
    static final int MIN_DAYS = 30;
    /** At most three years: no purpose of the review needs the photos longer. */
    static final int MAX_DAYS = 1095;

    /** One season's district: when its results were published, its period and when the purge is due. */
    record Due(String seasonCode, String districtCode, Instant publishedAt, int retentionDays, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;

    RetentionRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The district's period in days: its setting, or the default. */
    int retentionDays(String districtCode) {
        return settings().getOrDefault(districtCode, DEFAULT_DAYS);
    }

    Map<String, Integer> settings() {
        Map<String, Integer> days = new HashMap<>();
        jdbc.query("select district_code, retention_days from retention_setting",
                rs -> {
                    days.put(rs.getString(1), rs.getInt(2));
                });
        return days;
    }

    /** Every season and district whose results are published by {@code now}, with its purge date. */
    List<Due> published(Instant now) {
        Map<String, Integer> days = settings();
        return jdbc.query("""
                        select season_code, district_code, results_publish_at from season_schedule
                        where results_publish_at <= ? order by season_code, district_code""",
                (rs, n) -> {
                    String district = rs.getString(2);
                    Instant published = Utc.read(rs, 3);
                    int period = days.getOrDefault(district, DEFAULT_DAYS);
                    return new Due(rs.getString(1), district, published, period,
                            published.plus(Duration.ofDays(period)));
                }, Utc.of(now));
    }

    /** The seasons' districts whose purge is due by {@code now}. */
    List<Due> due(Instant now) {
        return published(now).stream().filter(d -> !d.dueAt().isAfter(now)).toList();
    }

    /** The season's district, published or not (then empty). */
    java.util.Optional<Due> of(String seasonCode, String districtCode, Instant now) {
        return published(now).stream()
                .filter(d -> d.seasonCode().equals(seasonCode) && d.districtCode().equals(districtCode)).findFirst();
    }
}
