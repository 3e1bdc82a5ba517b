package cn.shencha.review;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases started before exam seasons existed (V73_1) have no {@code seasonCode} process variable, which the
 * current season's Tasklist filter, "publish now" and the review due dates select on. At start (one node at a
 * time), every running case without it gets its candidate's season, read from the candidate row. Once done, the
 * query finds nothing. The anti-join correlates on the engine's own column ({@code e.ID_}): Camunda's MySQL tables
 * are utf8mb3, ours utf8mb4, and MariaDB uses no index of {@code ACT_RU_VARIABLE} for a utf8mb4 value, so correlated
 * on {@code r.process_instance_id} it scanned every variable for every candidate (10,000 cases: minutes of a node's
 * start, holding the set-up lock that every other starting node waits for).
 */
@Component
class SeasonVariables {

    private static final Logger log = LoggerFactory.getLogger(SeasonVariables.class);

    record Missing(String processInstanceId, String seasonCode) {
    }

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final SetupLock setupLock;

    SeasonVariables(JdbcTemplate jdbc, RuntimeService runtimeService, SetupLock setupLock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.setupLock = setupLock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void backfillAtStart() {
        setupLock.run("Season variables", this::backfill);
    }

    /** @return how many cases got the variable */
    int backfill() {
        List<Missing> missing = jdbc.query("""
                        select r.process_instance_id, c.season_code from candidate c
                        join review_case r on r.candidate_id = c.id
                        join ACT_RU_EXECUTION e on e.ID_ = r.process_instance_id
                        where not exists (select 1 from ACT_RU_VARIABLE v
                                          where v.EXECUTION_ID_ = e.ID_ and v.NAME_ = ?)""",
                (rs, n) -> new Missing(rs.getString(1), rs.getString(2)), MaterialReviewProcess.VAR_SEASON_CODE);
        missing.forEach(m -> runtimeService.setVariable(m.processInstanceId(), MaterialReviewProcess.VAR_SEASON_CODE,
                m.seasonCode()));
        if (!missing.isEmpty()) {
            log.info("Season variable set on {} running cases started before exam seasons", missing.size());
        }
        return missing.size();
    }
}
