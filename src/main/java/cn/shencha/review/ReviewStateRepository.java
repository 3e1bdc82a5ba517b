package cn.shencha.review;

import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/** The review module's own cases; no other module uses it (they read exam.CaseStates). */
interface ReviewStateRepository extends JpaRepository<ReviewState, Long> {

    /** The candidate whose case a process instance is (index ix_review_case_process_instance). */
    /**
     * Without flushing the transaction's changes first (FlushMode COMMIT): a case's process instance is set once, by
     * CandidateProcessStarter after the instance's first steps ran, and the flush would dirty-check every case of a
     * deadline-night batch for each case (8 % of the night's CPU in a profile).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select s.candidateId from ReviewState s where s.processInstanceId = :processInstanceId")
    Optional<Long> findCandidateIdByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    /**
     * The process instances of the district's cases still uploading whose deadline is the district's: no personal
     * extension beyond it (those wait for a trigger of their own). The district's upload-deadline trigger tells them.
     */
    @Query("""
            select s.processInstanceId from ReviewState s join Candidate c on c.id = s.candidateId
            where c.seasonCode = :season and c.districtCode = :district and s.phase = cn.shencha.exam.Phase.UPLOADING
              and s.processInstanceId is not null
              and (c.uploadDeadlineOverride is null or c.uploadDeadlineOverride <= :deadline)
            order by s.candidateId""")
    List<String> findUploadingOnDistrictDeadline(@Param("season") String seasonCode,
                                                 @Param("district") String districtCode,
                                                 @Param("deadline") java.time.Instant districtDeadline);

    /** How many cases {@link #findUploadingOnDistrictDeadline} finds. */
    @Query("""
            select count(s) from ReviewState s join Candidate c on c.id = s.candidateId
            where c.seasonCode = :season and c.districtCode = :district and s.phase = cn.shencha.exam.Phase.UPLOADING
              and s.processInstanceId is not null
              and (c.uploadDeadlineOverride is null or c.uploadDeadlineOverride <= :deadline)""")
    long countUploadingOnDistrictDeadline(@Param("season") String seasonCode, @Param("district") String districtCode,
                                          @Param("deadline") java.time.Instant districtDeadline);

    /** The candidate's process instance while the case is still uploading. */
    @Query("""
            select s.processInstanceId from ReviewState s
            where s.candidateId = :candidateId and s.phase = cn.shencha.exam.Phase.UPLOADING
              and s.processInstanceId is not null""")
    List<String> findUploading(@Param("candidateId") Long candidateId);

    /**
     * The district's cases whose upload ended by the deadline timer (locked, never submitted) and whom no reviewer
     * has decided on yet: their site review has not really begun (UploadReopener).
     */
    @Query("""
            select s.candidateId from ReviewState s join Candidate c on c.id = s.candidateId
            where c.seasonCode = :season and c.districtCode = :district and s.phase = cn.shencha.exam.Phase.SITE_REVIEW
              and s.submittedAt is null and s.lockedAt is not null and s.processInstanceId is not null
              and not exists (select d.id from ReviewDecision d where d.candidateId = s.candidateId)
            order by s.candidateId""")
    List<Long> findAutoLockedUnreviewed(@Param("season") String seasonCode, @Param("district") String districtCode);
}
