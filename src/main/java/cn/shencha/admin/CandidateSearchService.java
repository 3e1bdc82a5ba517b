package cn.shencha.admin;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.CaseStates;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.Phase;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.MaterialFile;
import cn.shencha.materials.MaterialType;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewDecision;
import cn.shencha.review.ReviewDecisionRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds a candidate by registration number, name or ID number, and shows everything about their case. */
@Service
@RolesAllowed(Roles.ADMIN)
@Transactional(readOnly = true)
public class CandidateSearchService {

    static final int MAX_RESULTS = 50;
    /** The steps a case's history shows; boundaryMessage is the upload deadline since it arrives as a message. */
    private static final Set<String> HISTORY_TYPES = Set.of("startEvent", "receiveTask", "userTask", "serviceTask",
            "boundaryTimer", "boundaryMessage", "intermediateTimer", "intermediateMessageCatch", "noneEndEvent");

    public record CandidateSummary(String registrationNo, String name, String maskedIdNumber, String districtCode,
                                   String siteCode, Phase phase) {
    }

    public record MaterialLine(String code, String name, boolean required, long images, long replaced,
                               boolean submitted, boolean unlocked, String unlockReason, Instant lastUploadAt) {
    }

    public record DecisionLine(Instant decidedAt, String level, String decision, String reason, String reviewer,
                               List<String> replacements, Instant supplementAnsweredAt, Instant supplementExpiredAt) {
    }

    public record HistoryLine(Instant start, Instant end, String activityId, String activityName, String type,
                              String assignee, boolean canceled) {
    }

    public record CandidateDetail(String registrationNo, String name, String maskedIdNumber, String phone,
                                  String examCategory, String districtCode, String districtName, String siteCode,
                                  String siteName, boolean activated, Phase phase, CaseStatus status,
                                  Instant submittedAt, Instant lockedAt, Instant uploadDeadline,
                                  Instant uploadDeadlineOverride, String verdict, String verdictReason,
                                  Instant verdictDecidedAt, Instant verdictPublishedAt, String processInstanceId,
                                  List<MaterialLine> materials, List<DecisionLine> decisions,
                                  List<HistoryLine> history, List<ScheduleChange> extensions) {
    }

    private final AdminQueries queries;
    private final CandidateRepository candidates;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateMaterials materialFiles;
    private final ReviewDecisionRepository decisions;
    private final ScheduleChangeRepository changes;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final Messages messages;
    private final Seasons seasons;
    private final CaseStates cases;

    CandidateSearchService(AdminQueries queries, CandidateRepository candidates, DistrictRepository districts,
                           ExamSiteRepository sites, CandidateMaterials materialFiles, ReviewDecisionRepository decisions,
                           ScheduleChangeRepository changes, HistoryService historyService, TaskService taskService,
                           Messages messages, Seasons seasons, CaseStates cases) {
        this.seasons = seasons;
        this.cases = cases;
        this.queries = queries;
        this.candidates = candidates;
        this.districts = districts;
        this.sites = sites;
        this.materialFiles = materialFiles;
        this.decisions = decisions;
        this.changes = changes;
        this.historyService = historyService;
        this.taskService = taskService;
        this.messages = messages;
    }

    public List<CandidateSummary> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<Candidate> found = queries.search(seasons.currentCode(), query, MAX_RESULTS);
        Map<Long, CaseState> states = cases.of(found.stream().map(Candidate::getId).toList());
        return found.stream()
                .map(c -> new CandidateSummary(c.getRegistrationNo(), c.getName(), c.getMaskedIdNumber(),
                        c.getDistrictCode(), c.getSiteCode(), states.get(c.getId()).phase()))
                .toList();
    }

    public CandidateDetail detail(String registrationNo) {
        return detail(registrationNo, Messages.currentLocale());
    }

    /** @param locale the language of the material names */
    public CandidateDetail detail(String registrationNo, Locale locale) {
        Candidate c = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(),
                        registrationNo == null ? "" : registrationNo.strip())
                .orElseThrow(() -> ShenchaException.notFound("CANDIDATE_NOT_FOUND"));
        District district = districts.findById(c.getDistrictCode()).orElseThrow();
        String siteName = sites.findById(c.getSiteCode()).map(ExamSite::getName).orElse(c.getSiteCode());
        MaterialFile file = materialFiles.file(c);
        Map<Long, MaterialType> typeById = file.typesById();
        List<ReviewDecision> decided = decisions.findByCandidateIdOrderByDecidedAtDesc(c.getId());
        CaseState s = cases.of(c.getId());
        boolean claimed = s.processInstanceId() != null && taskService.createTaskQuery()
                .processInstanceId(s.processInstanceId()).taskDefinitionKey(MaterialReviewProcess.SITE_REVIEW)
                .taskAssigned().count() > 0;
        CaseStatus status = CaseStatus.of(s.phase(), s.submitted(),
                file.types().stream().anyMatch(t -> !t.active().isEmpty()), claimed || !decided.isEmpty());
        return new CandidateDetail(c.getRegistrationNo(), c.getName(), c.getMaskedIdNumber(), c.getPhone(),
                c.getExamCategory(), c.getDistrictCode(), district.getName(), c.getSiteCode(), siteName,
                c.isActivated(), s.phase(), status, s.submittedAt(), s.lockedAt(),
                seasons.deadlines(c).upload(), c.getUploadDeadlineOverride(),
                s.verdict() == null ? null : s.verdict().name(), s.verdictReason(), s.verdictDecidedAt(),
                s.verdictPublishedAt(), s.processInstanceId(),
                materials(file, locale), decisionLines(decided, typeById, locale), history(s.processInstanceId(), locale),
                changes.findByCandidateIdOrderByChangedAtDescIdDesc(c.getId()));
    }

    /** Catalog order; the required materials and those the candidate uploaded to. */
    private static List<MaterialLine> materials(MaterialFile file, Locale locale) {
        return file.types().stream()
                .sorted(Comparator.comparingInt(t -> t.type().getSortOrder()))
                .filter(t -> t.required() || t.provided())
                .map(t -> new MaterialLine(t.type().getCode(), t.type().displayName(locale), t.required(),
                        t.active().size(), t.replaced().size(), t.allSubmitted(), t.unlocked(),
                        t.unlocked() ? t.unlock().getReason() : null, t.lastUploadAt()))
                .toList();
    }

    private static List<DecisionLine> decisionLines(List<ReviewDecision> decided, Map<Long, MaterialType> typeById,
                                                    Locale locale) {
        return decided.stream()
                .map(d -> new DecisionLine(d.getDecidedAt(), d.getLevel().name(), d.getDecision().name(), d.getReason(),
                        d.getReviewer(),
                        d.replacements().stream()
                                .map(v -> {
                                    MaterialType type = typeById.get(v.getMaterialTypeId());
                                    String name = type == null ? String.valueOf(v.getMaterialTypeId()) : type.displayName(locale);
                                    return v.getReason() == null ? name : name + ": " + v.getReason();
                                })
                                .toList(),
                        d.getSupplementAnsweredAt(), d.getSupplementExpiredAt()))
                .toList();
    }

    /** The steps of the case, named in the reader's language (the BPMN's names are Chinese only). */
    private List<HistoryLine> history(String processInstanceId, Locale locale) {
        if (processInstanceId == null) {
            return List.of();
        }
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list();
        return activities.stream()
                .filter(a -> HISTORY_TYPES.contains(a.getActivityType()))
                .map(a -> new HistoryLine(a.getStartTime().toInstant(),
                        a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.getActivityId(),
                        messages.get(locale, "admin.history.activity." + a.getActivityId()), a.getActivityType(),
                        a.getAssignee(), a.isCanceled()))
                .toList();
    }
}
