package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.CandidateMaterials;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates a reviewer's decision, records it and completes the review task. The only way a review task
 * completes (see ReviewCompletionGuard), whether the decision comes from the task form or the API.
 */
@Service
public class ReviewDecisionService {

    private static final int MAX_REASON = Decision.MAX_REASON;

    private final TaskService taskService;
    private final CandidateRepository candidates;
    private final CandidateMaterials types;
    private final ReviewDecisionRepository decisions;
    private final Clock clock;
    private final ReviewStates states;
    private final ProcessEngineConfigurationImpl engine;

    ReviewDecisionService(TaskService taskService, CandidateRepository candidates, CandidateMaterials types,
                          ReviewDecisionRepository decisions, Clock clock, ReviewStates states,
                          ProcessEngineConfigurationImpl engine) {
        this.states = states;
        this.engine = engine;
        this.taskService = taskService;
        this.candidates = candidates;
        this.types = types;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional
    public ReviewDecision decide(String taskId, StaffScope reviewer, DecisionCommand command) {
        Task task = currentReviewTask(taskId);
        // Who the case is comes from the review case that owns the process instance, never from a variable.
        Long candidateId = states.candidateOfProcess(task.getProcessInstanceId())
                .orElseThrow(() -> ShenchaException.notFound("TASK_NOT_FOUND"));
        // The row lock serialises two decisions on the same case; the second one then finds the task gone.
        Candidate candidate = candidates.findByIdForUpdate(candidateId).orElseThrow();
        ReviewLevel level = ReviewLevel.ofTaskDefinitionKey(task.getTaskDefinitionKey());
        if (!ReviewAccess.coversTask(reviewer, level, candidate)) {
            // Another site's or district's task: as if it did not exist.
            throw ShenchaException.notFound("TASK_NOT_FOUND");
        }
        task = currentReviewTask(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(reviewer.userId()) && !reviewer.admin()) {
            throw ShenchaException.conflict("TASK_CLAIMED_BY_OTHER", task.getAssignee());
        }
        List<MaterialVerdict> verdicts = validate(level, candidate, command);

        ReviewDecision decision = decisions.save(new ReviewDecision(candidate.getId(), level, command.decision(),
                blankToNull(command.reason()), reviewer.userId(), taskId, clock.instant(), verdicts));

        Map<String, Object> variables = new HashMap<>();
        variables.put(level.decisionVariable(), command.decision().name());
        variables.put(MaterialReviewProcess.VAR_LAST_DECISION_ID, decision.getId());
        if (command.decision() == Decision.SUPPLEMENT) {
            variables.put(MaterialReviewProcess.VAR_SUPPLEMENT_LEVEL, level.name());
        }
        boolean unclaimed = task.getAssignee() == null;
        // One engine command for both: the completion then finds the task, its execution and variables in the
        // assignment's entity cache instead of reading them again (about five statements per decision).
        engine.getCommandExecutorTxRequired().execute(context -> {
            if (unclaimed) {
                // Tasklist's history then shows who decided, as if they had claimed the task first.
                taskService.setAssignee(taskId, reviewer.userId());
            }
            taskService.complete(taskId, variables);
            return null;
        });
        return decision;
    }

    private Task currentReviewTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId)
                .taskDefinitionKeyIn(MaterialReviewProcess.SITE_REVIEW, MaterialReviewProcess.DISTRICT_REVIEW)
                .singleResult();
        if (task == null) {
            throw ShenchaException.conflict("TASK_NOT_CURRENT");
        }
        return task;
    }

    private List<MaterialVerdict> validate(ReviewLevel level, Candidate candidate, DecisionCommand command) {
        if (command.decision() == null) {
            throw ShenchaException.badRequest("DECISION_REQUIRED");
        }
        if (!command.decision().allowedAt(level)) {
            throw ShenchaException.badRequest("DECISION_NOT_ALLOWED", command.decision().name());
        }
        if (command.decision().reasonRequired() && isBlank(command.reason())) {
            throw ShenchaException.badRequest("REJECT_REASON_REQUIRED");
        }
        if (lengthOver(command.reason())) {
            throw ShenchaException.badRequest("REASON_TOO_LONG", MAX_REASON);
        }
        Map<String, MaterialType> byCode = types.catalog(candidate).stream()
                .collect(Collectors.toMap(MaterialType::getCode, Function.identity()));
        List<MaterialVerdict> verdicts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DecisionCommand.MaterialVerdictCommand item : command.materials()) {
            MaterialType type = byCode.get(item.typeCode());
            if (type == null) {
                throw new ShenchaException("UNKNOWN_MATERIAL_TYPE", HttpStatus.BAD_REQUEST, String.valueOf(item.typeCode()));
            }
            if (!seen.add(type.getCode())) {
                throw new ShenchaException("DUPLICATE_MATERIAL_VERDICT", HttpStatus.BAD_REQUEST, type.getName());
            }
            if (item.verdict() == null) {
                throw new ShenchaException("MATERIAL_VERDICT_REQUIRED", HttpStatus.BAD_REQUEST, type.getName());
            }
            if (item.verdict() == MaterialVerdict.Verdict.REPLACE && isBlank(item.reason())) {
                throw new ShenchaException("REPLACE_REASON_REQUIRED", HttpStatus.BAD_REQUEST, type.getName());
            }
            if (lengthOver(item.reason())) {
                throw ShenchaException.badRequest("REASON_TOO_LONG", MAX_REASON);
            }
            verdicts.add(new MaterialVerdict(type.getId(), item.verdict(), blankToNull(item.reason())));
        }
        boolean anyReplace = verdicts.stream().anyMatch(MaterialVerdict::isReplace);
        if (command.decision().replacements() == Decision.Replacements.REQUIRED && !anyReplace) {
            throw ShenchaException.badRequest("SUPPLEMENT_NEEDS_MATERIAL");
        }
        if (command.decision().replacements() == Decision.Replacements.FORBIDDEN && anyReplace) {
            throw ShenchaException.badRequest("PASS_WITH_REPLACE");
        }
        return verdicts;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean lengthOver(String s) {
        return s != null && s.length() > MAX_REASON;
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
