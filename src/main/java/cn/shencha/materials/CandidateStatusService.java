package cn.shencha.materials;

import cn.shencha.materials.internal.PublishedVerdict;
import cn.shencha.materials.internal.EarlierVerdict;
import cn.shencha.materials.internal.MaterialUnlockRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseDeadlines;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate's own view of their case: registration, stage, deadlines, lock; their messages; the verdict
 * once the district has published it (never before: until then the stage is REVIEW_FINISHED).
 */
@Service
public class CandidateStatusService {

    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final MaterialUnlockRepository unlocks;
    private final MaterialViews views;
    private final Messages messages;
    private final Clock clock;
    private final Seasons seasons;
    private final cn.shencha.exam.IdNumberHash idNumberHash;
    private final CaseStates cases;

    CandidateStatusService(CandidateRepository candidates, DistrictRepository districts, ExamSiteRepository sites,
                           MaterialUnlockRepository unlocks,
                           MaterialViews views, Messages messages, Clock clock, Seasons seasons, cn.shencha.exam.IdNumberHash idNumberHash,
                           CaseStates cases) {
        this.cases = cases;
        this.seasons = seasons;
        this.idNumberHash = idNumberHash;
        this.candidates = candidates;
        this.districts = districts;
        this.sites = sites;
        this.unlocks = unlocks;
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CandidateStatus status(Long candidateId, Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        Candidate candidate = candidate(candidateId);
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        SeasonSchedule schedule = seasons.schedule(candidate);
        CaseDeadlines deadlines = CaseDeadlines.of(candidate, schedule);
        CaseState state = cases.of(candidateId);
        Instant now = clock.instant();
        boolean published = isPublished(state, schedule, now);
        CandidateStage stage = stage(state, published);
        boolean autoLocked = !state.submitted() && state.phase() != Phase.SUPPLEMENT && deadlines.uploadPassed(now);
        // One rule for the page, /me and every refusal: why the materials are locked, in the candidate's terms.
        Optional<LockReason> lock = MaterialLockPolicy.submitLockReason(candidate, state, schedule,
                unlocks.lastSupplementExpired(candidateId), now);
        String siteName = sites.findById(candidate.getSiteCode()).map(ExamSite::getName).orElse(candidate.getSiteCode());
        return new CandidateStatus(candidate.getId(), candidate.getRegistrationNo(), candidate.getName(),
                candidate.getMaskedIdNumber(), candidate.getExamCategory(), district.getCode(), district.getName(),
                candidate.getSiteCode(), siteName, stage, messages.get(lang, "materials.stage." + stage.name()),
                deadlines.uploadStart(), deadlines.upload(), deadlines.supplement(),
                deadlines.resultsPublishAt(), state.submittedAt(), lock.isPresent(), lock.orElse(null),
                views.lockReasonText(lock.orElse(null), lang), autoLocked, published);
    }

    /** The verdict once published (the district's publication time has passed); before: NOT_PUBLISHED (404). */
    @Transactional(readOnly = true)
    public PublishedVerdict verdict(Long candidateId, Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        Candidate candidate = candidate(candidateId);
        SeasonSchedule schedule = seasons.schedule(candidate);
        CaseState state = cases.of(candidateId);
        if (!isPublished(state, schedule, clock.instant())) {
            throw ShenchaException.notFound("NOT_PUBLISHED");
        }
        return new PublishedVerdict(state.verdict(),
                messages.get(lang, "materials.verdict." + state.verdict().name()),
                state.verdictReason(), publishedAt(state, schedule));
    }

    /**
     * The same person's published verdicts of earlier seasons (matched by ID number, each candidate row its own
     * season's), newest season first: a candidate of 2027 still reads what 2026 decided.
     */
    @Transactional(readOnly = true)
    public List<EarlierVerdict> earlierVerdicts(Long candidateId, Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        Candidate candidate = candidate(candidateId);
        Instant now = clock.instant();
        // A purged registration has only the salted hash of its ID number left (cn.shencha.retention).
        List<Candidate> earlier = java.util.stream.Stream.concat(
                        candidates.findByIdNumberAndSeasonCodeNotOrderBySeasonCodeDesc(candidate.getIdNumber(),
                                candidate.getSeasonCode()).stream(),
                        candidates.findByIdNumberHashAndSeasonCodeNot(idNumberHash.of(candidate.getIdNumber()),
                                candidate.getSeasonCode()).stream())
                .sorted(java.util.Comparator.comparing(Candidate::getSeasonCode).reversed())
                .filter(c -> c.getSeasonCode().compareTo(candidate.getSeasonCode()) < 0)
                .toList();
        java.util.Map<Long, CaseState> states = cases.of(earlier.stream().map(Candidate::getId).toList());
        return earlier.stream()
                .filter(c -> isPublished(states.get(c.getId()), seasons.schedule(c), now))
                .map(c -> {
                    CaseState state = states.get(c.getId());
                    return new EarlierVerdict(c.getSeasonCode(), seasons.require(c.getSeasonCode()).getName(),
                            c.getRegistrationNo(), state.verdict(),
                            messages.get(lang, "materials.verdict." + state.verdict().name()),
                            state.verdict() == cn.shencha.exam.Verdict.REJECTED ? state.verdictReason() : null,
                            publishedAt(state, seasons.schedule(c)));
                })
                .toList();
    }

    private Candidate candidate(Long candidateId) {
        return candidates.findById(candidateId).orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
    }

    private static boolean isPublished(CaseState state, SeasonSchedule schedule, Instant now) {
        return state.verdict() != null && (state.verdictPublishedAt() != null || schedule.resultsPublished(now));
    }

    /** When the verdict was published: by the process, or else at the district's publication time. */
    private static Instant publishedAt(CaseState state, SeasonSchedule schedule) {
        return state.verdictPublishedAt() != null ? state.verdictPublishedAt() : schedule.getResultsPublishAt();
    }

    private static CandidateStage stage(CaseState state, boolean published) {
        return switch (state.phase()) {
            case UPLOADING -> CandidateStage.UPLOADING;
            case SITE_REVIEW -> CandidateStage.SITE_REVIEW;
            case DISTRICT_REVIEW -> CandidateStage.DISTRICT_REVIEW;
            case SUPPLEMENT -> CandidateStage.SUPPLEMENT;
            case APPROVED -> published ? CandidateStage.APPROVED : CandidateStage.REVIEW_FINISHED;
            case REJECTED -> published ? CandidateStage.REJECTED : CandidateStage.REVIEW_FINISHED;
        };
    }
}
