package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import org.springframework.stereotype.Component;

/**
 * Whether a staff member may see a candidate's case: a reviewer of the candidate's exam site or district,
 * or an administrator, and for reviewers only once it was submitted or locked. Anyone else is told the candidate
 * does not exist (404), never that it is forbidden.
 */
@Component
class ReviewAccess {

    private final CandidateRepository candidates;
    private final Seasons seasons;
    private final ReviewStates states;

    ReviewAccess(CandidateRepository candidates, Seasons seasons, ReviewStates states) {
        this.seasons = seasons;
        this.states = states;
        this.candidates = candidates;
    }

    /** A registration number names a candidate of the current season. */
    Candidate candidate(StaffScope scope, String registrationNo) {
        return candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), registrationNo)
                .filter(candidate -> covers(scope, candidate))
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
    }

    Candidate candidate(StaffScope scope, Long candidateId) {
        return candidates.findById(candidateId)
                .filter(candidate -> covers(scope, candidate))
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
    }

    Candidate candidateOfProcessInstance(StaffScope scope, String processInstanceId) {
        return states.candidateOfProcess(processInstanceId)
                .map(id -> candidate(scope, id))
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
    }

    private boolean covers(StaffScope scope, Candidate candidate) {
        return scope.admin() || (scope.coversCandidate(candidate.getSiteCode(), candidate.getDistrictCode())
                && states.of(candidate.getId()).upForReview());
    }

    /** A review task is the business of its own level: a site task for the site, a district task for the district. */
    static boolean coversTask(StaffScope scope, ReviewLevel level, Candidate candidate) {
        return level == ReviewLevel.SITE
                ? scope.coversSite(candidate.getSiteCode())
                : scope.coversDistrict(candidate.getDistrictCode());
    }
}
