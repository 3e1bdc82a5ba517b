package cn.shencha.admin;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The admin feature's read queries over the candidates of one season (the exam module's repository covers the rest).
 * Where they need a case's state they join the review module's table {@code review_case} (entity {@code ReviewState})
 * read-only, as docs/architecture.md allows set queries to; every change of it is review's.
 */
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
                        select new cn.shencha.admin.AdminQueries$CaseRef(c.id, r.processInstanceId, c.uploadDeadlineOverride)
                        from Candidate c join ReviewState r on r.candidateId = c.id
                        where c.seasonCode = :season and c.districtCode = :district and r.processInstanceId is not null
                        order by c.id""", CaseRef.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }

    long countUploading(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select count(c) from Candidate c join ReviewState r on r.candidateId = c.id
                        where c.seasonCode = :season and c.districtCode = :district and r.phase = :phase""", Long.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .setParameter("phase", Phase.UPLOADING)
                .getSingleResult();
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
                        select new cn.shencha.admin.AdminQueries$CaseRow(c.id, c.siteCode, r.processInstanceId, r.phase,
                            case when r.submittedAt is null then false else true end,
                            (select count(i.id) from MaterialImage i where i.candidateId = c.id),
                            (select count(d.id) from ReviewDecision d where d.candidateId = c.id))
                        from Candidate c join ReviewState r on r.candidateId = c.id
                        where c.seasonCode = :season and c.districtCode = :district""", CaseRow.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }

    /** The candidates with a verdict (their states: exam.CaseStates). */
    List<Candidate> verdicts(String seasonCode, String districtCode) {
        return em.createQuery("""
                        select c from Candidate c join ReviewState r on r.candidateId = c.id
                        where c.seasonCode = :season and c.districtCode = :district and r.verdict is not null
                        order by c.siteCode, c.registrationNo""", Candidate.class)
                .setParameter("season", seasonCode)
                .setParameter("district", districtCode)
                .getResultList();
    }
}
