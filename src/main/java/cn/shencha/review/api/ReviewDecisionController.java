package cn.shencha.review.api;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.ReviewDecision;
import cn.shencha.review.ReviewDecisionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reviewers' decisions: validated, recorded, and the review task completed. */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "Reviewer API")
class ReviewDecisionController {

    record DecisionResponse(Long id, String level, String decision, Instant decidedAt) {
    }

    private final ReviewDecisionService decisions;
    private final Messages messages;

    ReviewDecisionController(ReviewDecisionService decisions, Messages messages) {
        this.decisions = decisions;
        this.messages = messages;
    }

    @PostMapping("/tasks/{taskId}/decision")
    @Operation(summary = "Decide a review task: PASS (site) / APPROVE (district), SUPPLEMENT or REJECT")
    DecisionResponse decide(@PathVariable String taskId, @RequestBody DecisionCommand command) {
        ReviewDecision decision = decisions.decide(taskId, CurrentUser.staffScope(), command);
        return new DecisionResponse(decision.getId(), decision.getLevel().name(), decision.getDecision().name(),
                decision.getDecidedAt());
    }

    /** An unknown decision or verdict value, or a body that is not JSON: a 400 the form can show. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("error.INVALID_REQUEST"));
        problem.setType(URI.create("https://shencha.cn/problems/invalid-request"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setProperty("code", "INVALID_REQUEST");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
