package cn.shencha.notify;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The candidates the upload reminders look at (read-only, notify's own view of exam's candidates, with the review
 * module's case table joined for the phase, as docs/architecture.md allows set queries to).
 */
interface ReminderCandidates extends Repository<Candidate, Long> {

    /**
     * Candidates of the season still uploading who have not submitted, of the given districts (whose deadline is
     * near) or with a personal deadline in (from, to].
     */
    @Query("""
            select c from Candidate c join ReviewState r on r.candidateId = c.id
            where c.seasonCode = :season and r.phase = :phase and r.submittedAt is null
              and (c.districtCode in :districts
                   or (c.uploadDeadlineOverride > :from and c.uploadDeadlineOverride <= :to))""")
    List<Candidate> findUnsubmitted(@Param("season") String seasonCode, @Param("phase") Phase phase, @Param("districts") Collection<String> districts,
                                   @Param("from") Instant from, @Param("to") Instant to);
}
