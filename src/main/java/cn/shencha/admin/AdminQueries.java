package cn.shencha.admin;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The admin feature's read queries over the candidates of one season (the exam module's repository covers the rest). */
@Component
class AdminQueries {

    /** A candidate with a running or finished review process: id and process instance. */
    /** A case with what its deadline timers depend on besides the district's schedule. */
    record CaseRef(Long candidateId, String processInstanceId, java.time.Instant uploadDeadlineOverride) {
    }

    /** What the dashboard needs of one candidate to tell its status. */
    record CaseRow(Long candidateId, String siteCode, String processInstanceId, Phase phase, boolean submitted,
                   long images, long decisions) {
    }

    private final EntityManager em;

    AdminQueries(EntityManager em) {
        this.em = em;
    }

    List<CaseRef> casesWithProcess(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select new cn.shencha.admin.AdminQueries$CaseRef(c.id, c.processInstanceId, c.uploadDeadlineOverride)
                        from Candidate c where c.seasonCode = :season and c.districtCode = :district and c.processInstanceId is not null
                        order by c.id""", CaseRef.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }

    /**
     * Candidates whose upload ended by the deadline timer (locked, never submitted) and whom no reviewer has
     * decided on yet: their site review has not really begun.
     */
    List<Long> autoLockedUnreviewed(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select c.id from Candidate c
                        where c.seasonCode = :season and c.districtCode = :district and c.phase = :phase and c.submittedAt is null
                          and c.lockedAt is not null and c.processInstanceId is not null
                          and not exists (select d.id from ReviewDecision d where d.candidateId = c.id)
                        order by c.id""", Long.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .setParameter("phase", Phase.SITE_REVIEW)
                .getResultList();
    }

    long countUploading(String seasonCode, String districtCode) {
        return em.createQuery("select count(c) from Candidate c where c.seasonCode = :season and c.districtCode = :district and c.phase = :phase",
                        Long.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .setParameter("phase", Phase.UPLOADING)
                .getSingleResult();
    }

    boolean hasDecisions(Long candidateId) {
        return em.createQuery("select count(d) from ReviewDecision d where d.candidateId = :id", Long.class)
                .setParameter("id", candidateId)
                .getSingleResult() > 0;
    }

    List<Candidate> byRegistrationNos(String seasonCode, Collection<String> registrationNos) {
        if (registrationNos.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Candidate c where c.seasonCode = :season and c.registrationNo in :nos",
                        Candidate.class)
                .setParameter("season", seasonCode)
                .setParameter("nos", registrationNos)
                .getResultList();
    }

    Optional<Candidate> lockCandidate(Long id) {
        return Optional.ofNullable(em.find(Candidate.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    <T> Optional<T> lock(Class<T> type, Object id) {
        return Optional.ofNullable(em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Registration number (prefix), name (part) or ID number (whole, X in either case). */
    List<Candidate> search(String seasonCode, String query, int limit) {
        String q = query.strip();
        // '!' escapes LIKE wildcards: a backslash would need escaping differently in MySQL and H2.
        String like = q.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return em.createQuery("""
                        select c from Candidate c
                        where c.seasonCode = :season
                          and (c.registrationNo like :prefix escape '!'
                           or c.name like :part escape '!'
                           or c.idNumber = :idNumber)
                        order by c.registrationNo""", Candidate.class)
                .setParameter("season", seasonCode)
                .setParameter("prefix", like + "%")
                .setParameter("part", "%" + like + "%")
                .setParameter("idNumber", q.toUpperCase())
                .setMaxResults(limit)
                .getResultList();
    }

    List<CaseRow> caseRows(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select new cn.shencha.admin.AdminQueries$CaseRow(c.id, c.siteCode, c.processInstanceId, c.phase,
                            case when c.submittedAt is null then false else true end,
                            (select count(i.id) from MaterialImage i where i.candidateId = c.id),
                            (select count(d.id) from ReviewDecision d where d.candidateId = c.id))
                        from Candidate c where c.seasonCode = :season and c.districtCode = :district""", CaseRow.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }

    List<Candidate> verdicts(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select c from Candidate c where c.seasonCode = :season and c.districtCode = :district and c.verdict is not null
                        order by c.siteCode, c.registrationNo""", Candidate.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }
}
