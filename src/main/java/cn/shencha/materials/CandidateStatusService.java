package cn.shencha.materials;

import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseDeadlines;
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

    CandidateStatusService(CandidateRepository candidates, DistrictRepository districts, ExamSiteRepository sites,
                           MaterialUnlockRepository unlocks,
                           MaterialViews views, Messages messages, Clock clock, Seasons seasons, cn.shencha.exam.IdNumberHash idNumberHash) {
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
        Instant now = clock.instant();
        boolean published = isPublished(candidate, schedule, now);
        CandidateStage stage = stage(candidate, published);
        boolean autoLocked = candidate.getSubmittedAt() == null && candidate.getPhase() != Phase.SUPPLEMENT
                && deadlines.uploadPassed(now);
        // One rule for the page, /me and every refusal: why the materials are locked, in the candidate's terms.
        Optional<LockReason> lock = MaterialLockPolicy.submitLockReason(candidate, schedule,
                unlocks.lastSupplementExpired(candidateId), now);
        String siteName = sites.findById(candidate.getSiteCode()).map(ExamSite::getName).orElse(candidate.getSiteCode());
        return new CandidateStatus(candidate.getId(), candidate.getRegistrationNo(), candidate.getName(),
                candidate.getMaskedIdNumber(), candidate.getExamCategory(), district.getCode(), district.getName(),
                candidate.getSiteCode(), siteName, stage, messages.get(lang, "materials.stage." + stage.name()),
                deadlines.uploadStart(), deadlines.upload(), deadlines.supplement(),
                deadlines.resultsPublishAt(), candidate.getSubmittedAt(), lock.isPresent(), lock.orElse(null),
                views.lockReasonText(lock.orElse(null), lang), autoLocked, published);
    }

    /** The verdict once published (the district's publication time has passed); before: NOT_PUBLISHED (404). */
    @Transactional(readOnly = true)
    public PublishedVerdict verdict(Long candidateId, Locale locale) {
        Locale lang = Messages.currentLocaleOr(locale);
        Candidate candidate = candidate(candidateId);
        SeasonSchedule schedule = seasons.schedule(candidate);
        if (!isPublished(candidate, schedule, clock.instant())) {
            throw ShenchaException.notFound("NOT_PUBLISHED");
        }
        Instant publishedAt = candidate.getVerdictPublishedAt() != null
                ? candidate.getVerdictPublishedAt() : schedule.getResultsPublishAt();
        return new PublishedVerdict(candidate.getVerdict(),
                messages.get(lang, "materials.verdict." + candidate.getVerdict().name()),
                candidate.getVerdictReason(), publishedAt);
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
        return java.util.stream.Stream.concat(
                        candidates.findByIdNumberAndSeasonCodeNotOrderBySeasonCodeDesc(candidate.getIdNumber(),
                                candidate.getSeasonCode()).stream(),
                        candidates.findByIdNumberHashAndSeasonCodeNot(idNumberHash.of(candidate.getIdNumber()),
                                candidate.getSeasonCode()).stream())
                .sorted(java.util.Comparator.comparing(Candidate::getSeasonCode).reversed())
                .filter(c -> c.getSeasonCode().compareTo(candidate.getSeasonCode()) < 0)
                .filter(c -> isPublished(c, seasons.schedule(c), now))
                .map(c -> new EarlierVerdict(c.getSeasonCode(), seasons.require(c.getSeasonCode()).getName(),
                        c.getRegistrationNo(), c.getVerdict(),
                        messages.get(lang, "materials.verdict." + c.getVerdict().name()),
                        c.getVerdict() == cn.shencha.exam.Verdict.REJECTED ? c.getVerdictReason() : null,
                        c.getVerdictPublishedAt() != null ? c.getVerdictPublishedAt()
                                : seasons.schedule(c).getResultsPublishAt()))
                .toList();
    }

    private Candidate candidate(Long candidateId) {
        return candidates.findById(candidateId).orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
    }

    private static boolean isPublished(Candidate candidate, SeasonSchedule schedule, Instant now) {
        return candidate.getVerdict() != null
                && (candidate.getVerdictPublishedAt() != null || schedule.resultsPublished(now));
    }

    private static CandidateStage stage(Candidate candidate, boolean published) {
        return switch (candidate.getPhase()) {
            case UPLOADING -> CandidateStage.UPLOADING;
            case SITE_REVIEW -> CandidateStage.SITE_REVIEW;
            case DISTRICT_REVIEW -> CandidateStage.DISTRICT_REVIEW;
            case SUPPLEMENT -> CandidateStage.SUPPLEMENT;
            case APPROVED -> published ? CandidateStage.APPROVED : CandidateStage.REVIEW_FINISHED;
            case REJECTED -> published ? CandidateStage.REJECTED : CandidateStage.REVIEW_FINISHED;
        };
    }
}
