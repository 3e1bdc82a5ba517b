package cn.shencha.review;

import cn.shencha.exam.Seasons;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.StaffScope;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CaseState;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.ImageState;
import cn.shencha.materials.MaterialFile;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.MaterialUnlock;
import cn.shencha.materials.SharedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer's read model of a case (see {@link ReviewCase}), for the task forms and the reviewer API.
 * Only for a reviewer of the candidate's site or district, or an administrator; anyone else gets 404.
 */
@Service
@Transactional(readOnly = true)
public class ReviewCaseService {

    static final String IMAGE_URL = "/api/v1/review/images/";

    private final ReviewAccess access;
    private final TaskService taskService;
    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CandidateMaterials materials;
    private final ReviewDecisionRepository decisions;
    private final Messages messages;
    private final Seasons seasons;
    private final ReviewStates states;

    ReviewCaseService(ReviewAccess access, TaskService taskService, DistrictRepository districts,
                      ExamSiteRepository sites, CandidateMaterials materials, ReviewDecisionRepository decisions,
                      Messages messages, Seasons seasons, ReviewStates states) {
        this.seasons = seasons;
        this.states = states;
        this.access = access;
        this.taskService = taskService;
        this.districts = districts;
        this.sites = sites;
        this.materials = materials;
        this.decisions = decisions;
        this.messages = messages;
    }

    /** The case of a registration number, with its open review task when the reader may work on it. */
    public ReviewCase forCandidate(StaffScope scope, String registrationNo, Locale locale) {
        Candidate candidate = access.candidate(scope, registrationNo);
        String processInstanceId = states.of(candidate.getId()).processInstanceId();
        Task task = processInstanceId == null ? null
                : taskService.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKeyIn(MaterialReviewProcess.SITE_REVIEW, MaterialReviewProcess.DISTRICT_REVIEW)
                        .singleResult();
        if (task != null && !ReviewAccess.coversTask(scope, ReviewLevel.ofTaskDefinitionKey(task.getTaskDefinitionKey()), candidate)) {
            task = null;
        }
        return build(scope, candidate, task, Messages.currentLocaleOr(locale));
    }

    /** The case behind a review task, for its task form. Another site's or district's task is "not found". */
    public ReviewCase forTask(StaffScope scope, String taskId, Locale locale) {
        Task task = taskService.createTaskQuery().taskId(taskId)
                .taskDefinitionKeyIn(MaterialReviewProcess.SITE_REVIEW, MaterialReviewProcess.DISTRICT_REVIEW)
                .singleResult();
        if (task == null) {
            throw ShenchaException.notFound("TASK_NOT_FOUND");
        }
        Candidate candidate;
        try {
            // The review case that owns the process instance, never a variable (see ReviewDecisionService).
            candidate = access.candidateOfProcessInstance(scope, task.getProcessInstanceId());
        } catch (ShenchaException e) {
            throw ShenchaException.notFound("TASK_NOT_FOUND");
        }
        if (!ReviewAccess.coversTask(scope, ReviewLevel.ofTaskDefinitionKey(task.getTaskDefinitionKey()), candidate)) {
            throw ShenchaException.notFound("TASK_NOT_FOUND");
        }
        return build(scope, candidate, task, Messages.currentLocaleOr(locale));
    }

    /** The texts of the task forms (keys review.form.*), in the reader's language. */
    public Map<String, String> formTexts(Locale locale) {
        Locale l = Messages.currentLocaleOr(locale);
        return Arrays.stream(FORM_TEXT_KEYS)
                .collect(Collectors.toMap(Function.identity(), key -> messages.get(l, "review.form." + key),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static final String[] FORM_TEXT_KEYS = {
            "title.SITE", "title.DISTRICT", "loading", "loadFailed", "candidate", "registrationNo", "name", "idNumber",
            "examCategory", "district", "site", "phase", "submittedAt", "supplementDeadline", "materials",
            "images", "noImages", "replacedImages", "required", "optional", "count", "verdict", "verdict.OK",
            "verdict.REPLACE", "reason", "reasonPlaceholder", "commonReasons", "lastVerdict", "history",
            "noHistory", "historyLevel", "historyDecision", "historyReason", "historyReviewer", "historyTime",
            "historyMaterials", "supplementAnswered", "supplementExpired", "decision", "decisionReason",
            "decisionReasonPlaceholder", "rejectHint", "recommendation", "watermark", "viewer.close",
            "viewer.rotateLeft", "viewer.rotateRight", "viewer.zoomIn", "viewer.zoomOut", "viewer.reset",
            "viewer.previous", "viewer.next", "error.chooseDecision", "error.supplementNeedsReplace",
            "error.replaceReason", "error.passWithReplace", "error.rejectReason", "sending", "sent",
            "afterSupplement", "supplementUnanswered", "due", "language"};

    private ReviewCase build(StaffScope scope, Candidate candidate, Task task, Locale locale) {
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        String siteName = sites.findById(candidate.getSiteCode()).map(ExamSite::getName).orElse(candidate.getSiteCode());
        // The candidate's page order (required first), so reviewer and candidate talk about the same list.
        MaterialFile file = materials.file(candidate);
        Map<Long, MaterialType> typesById = file.typesById();
        List<ReviewDecision> history = decisions.findByCandidateIdOrderByDecidedAtDesc(candidate.getId());

        CaseState state = states.of(candidate.getId());
        ReviewCase.Summary summary = new ReviewCase.Summary(candidate.getRegistrationNo(), candidate.getName(),
                candidate.getMaskedIdNumber(), candidate.getExamCategory(), district.getCode(), district.getName(),
                candidate.getSiteCode(), siteName, state.phase().name(),
                messages.get(locale, "phase." + state.phase().name()),
                time(state.submittedAt()), time(seasons.deadlines(candidate).supplement()));

        return new ReviewCase(summary, taskInfo(task, candidate, locale), siteRecommendation(history, locale),
                materials(candidate, file, history, locale),
                history.stream().map(d -> decisionView(d, typesById, locale)).toList(),
                commonReasons(locale), scope.userId());
    }

    List<String> commonReasons(Locale locale) {
        return Arrays.stream(messages.get(locale, "review.reasons.common").split("\\|")).map(String::strip).toList();
    }

    private ReviewCase.TaskInfo taskInfo(Task task, Candidate candidate, Locale locale) {
        if (task == null) {
            return null;
        }
        ReviewLevel level = ReviewLevel.ofTaskDefinitionKey(task.getTaskDefinitionKey());
        Object afterSupplement = taskService.getVariableLocal(task.getId(), ReviewTaskListener.VAR_AFTER_SUPPLEMENT);
        List<ReviewCase.Option> options = Arrays.stream(Decision.values())
                .filter(d -> d.allowedAt(level))
                .map(d -> new ReviewCase.Option(d.name(), decisionLabel(level, d, locale), d.reasonRequired(),
                        d.replacements().name(), Decision.MAX_REASON))
                .toList();
        return new ReviewCase.TaskInfo(task.getId(), level.name(), task.getName(), task.getAssignee(),
                time(task.getCreateTime() == null ? null : task.getCreateTime().toInstant()),
                time(task.getDueDate() == null ? null : task.getDueDate().toInstant()),
                Boolean.TRUE.equals(afterSupplement),
                Boolean.TRUE.equals(afterSupplement) && decisions.findFirstByCandidateIdOrderByDecidedAtDescIdDesc(candidate.getId())
                        .map(ReviewDecision::getSupplementExpiredAt).isPresent(),
                options);
    }

    private ReviewCase.SiteRecommendation siteRecommendation(List<ReviewDecision> history, Locale locale) {
        return history.stream()
                .filter(d -> d.getLevel() == ReviewLevel.SITE)
                .findFirst()
                .filter(d -> d.getDecision() == Decision.REJECT)
                .map(d -> new ReviewCase.SiteRecommendation(d.getDecision().name(),
                        decisionLabel(ReviewLevel.SITE, d.getDecision(), locale), d.getReason(), d.getReviewer(),
                        time(d.getDecidedAt())))
                .orElse(null);
    }

    private List<ReviewCase.MaterialView> materials(Candidate candidate, MaterialFile file,
                                                    List<ReviewDecision> history, Locale locale) {
        // Image id -> how many other candidates have an image with exactly the same bytes.
        Map<Long, Long> shared = materials.sharedWithOtherCandidates(candidate.getId()).stream()
                .collect(Collectors.groupingBy(SharedImage::imageId,
                        Collectors.mapping(SharedImage::otherCandidateId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        // Images that arrived after the last request for a supplement are what the reviewer must look at again.
        Optional<Instant> lastSupplementAt = history.stream()
                .filter(d -> d.getDecision() == Decision.SUPPLEMENT)
                .map(ReviewDecision::getDecidedAt)
                .findFirst();

        List<ReviewCase.MaterialView> views = new ArrayList<>();
        for (MaterialFile.TypeMaterials t : file.types()) {
            MaterialType type = t.type();
            List<MaterialImage> active = t.active();
            List<MaterialImage> replaced = t.replaced();
            boolean required = t.required();

            List<ReviewCase.ImageInfo> activeViews = active.stream()
                    .map(i -> imageInfo(i, shared, lastSupplementAt, locale)).toList();
            List<ReviewCase.ImageInfo> replacedViews = replaced.stream()
                    .map(i -> imageInfo(i, shared, Optional.empty(), locale)).toList();

            List<ReviewCase.Flag> flags = new ArrayList<>();
            if (required && !t.complete()) {
                flags.add(flag("MISSING", locale, active.size(), t.needed()));
            }
            long duplicates = active.stream().filter(i -> shared.containsKey(i.getId())).count();
            if (duplicates > 0) {
                flags.add(flag("DUPLICATE_ELSEWHERE", locale, duplicates));
            }
            if (!replaced.isEmpty()) {
                flags.add(flag("REPLACED_HISTORY", locale, replaced.size()));
            }
            if (lastSupplementAt.isPresent() && active.stream().anyMatch(i -> i.getUploadedAt().isAfter(lastSupplementAt.get()))) {
                flags.add(flag("NEW_SINCE_REQUEST", locale));
            }
            MaterialUnlock unlock = t.unlock();
            if (unlock != null) {
                flags.add(flag("UNLOCKED", locale, Objects.toString(unlock.getReason(), "")));
            }
            if (!required && !t.provided() && unlock == null) {
                // An optional material the candidate did not provide: still listed, so a reviewer can ask for it.
                flags.add(flag("NOT_PROVIDED", locale));
            }
            views.add(new ReviewCase.MaterialView(type.getCode(), type.displayName(locale), type.getDescription(),
                    required, type.getMinCount(), type.getMaxCount(), activeViews, replacedViews, flags,
                    unlock == null ? null : unlock.getReason(), lastVerdict(type, history, locale)));
        }
        return views;
    }

    private ReviewCase.ImageInfo imageInfo(MaterialImage image, Map<Long, Long> shared,
                                           Optional<Instant> lastSupplementAt, Locale locale) {
        List<ReviewCase.Flag> flags = new ArrayList<>();
        Long others = shared.get(image.getId());
        if (others != null) {
            flags.add(flag("IMAGE_DUPLICATE_ELSEWHERE", locale, others));
        }
        if (image.getState() == ImageState.REPLACED) {
            flags.add(flag("IMAGE_REPLACED", locale, time(image.getReplacedAt()), Objects.toString(image.getReplacedReason(), "")));
        }
        if (lastSupplementAt.isPresent() && image.getUploadedAt().isAfter(lastSupplementAt.get())) {
            flags.add(flag("IMAGE_NEW", locale));
        }
        return new ReviewCase.ImageInfo(image.getId(), IMAGE_URL + image.getId(), IMAGE_URL + image.getId() + "?size=thumb",
                image.getWidth(), image.getHeight(), image.getSizeBytes(), time(image.getUploadedAt()),
                image.getState().name(), time(image.getReplacedAt()), image.getReplacedReason(), flags);
    }

    private ReviewCase.VerdictView lastVerdict(MaterialType type, List<ReviewDecision> history, Locale locale) {
        for (ReviewDecision decision : history) {
            for (MaterialVerdict verdict : decision.getMaterialVerdicts()) {
                if (verdict.getMaterialTypeId().equals(type.getId())) {
                    return new ReviewCase.VerdictView(decision.getLevel().name(),
                            messages.get(locale, "review.level." + decision.getLevel().name()),
                            verdict.getVerdict().name(), messages.get(locale, "review.verdict." + verdict.getVerdict().name()),
                            verdict.getReason(), time(decision.getDecidedAt()));
                }
            }
        }
        return null;
    }

    private ReviewCase.DecisionView decisionView(ReviewDecision d, Map<Long, MaterialType> typesById, Locale locale) {
        List<ReviewCase.MaterialVerdictView> verdicts = d.getMaterialVerdicts().stream()
                .map(v -> {
                    MaterialType type = typesById.get(v.getMaterialTypeId());
                    return new ReviewCase.MaterialVerdictView(type == null ? null : type.getCode(),
                            type == null ? String.valueOf(v.getMaterialTypeId()) : type.displayName(locale),
                            v.getVerdict().name(), messages.get(locale, "review.verdict." + v.getVerdict().name()),
                            v.getReason());
                })
                .toList();
        return new ReviewCase.DecisionView(d.getId(), d.getLevel().name(),
                messages.get(locale, "review.level." + d.getLevel().name()), d.getDecision().name(),
                decisionLabel(d.getLevel(), d.getDecision(), locale), d.getReason(), d.getReviewer(),
                time(d.getDecidedAt()), time(d.getSupplementAnsweredAt()), time(d.getSupplementExpiredAt()), verdicts);
    }

    String decisionLabel(ReviewLevel level, Decision decision, Locale locale) {
        return messages.get(locale, "review.decision." + level.name() + "." + decision.name());
    }

    private ReviewCase.Flag flag(String code, Locale locale, Object... args) {
        return new ReviewCase.Flag(code, messages.get(locale, "review.flag." + code, args));
    }

    private static String time(Instant instant) {
        return instant == null ? null : ShanghaiTime.format(instant);
    }
}
