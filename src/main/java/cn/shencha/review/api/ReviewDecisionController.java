package cn.shencha.review.api;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.review.DecisionCommand;
import cn.shencha.review.ReviewDecision;
import cn.shencha.review.ReviewDecisionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
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

    ReviewDecisionController(ReviewDecisionService decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/tasks/{taskId}/decision")
    @Operation(summary = "Decide a review task: PASS (site) / APPROVE (district), SUPPLEMENT or REJECT")
    DecisionResponse decide(@PathVariable String taskId, @RequestBody DecisionCommand command) {
        ReviewDecision decision = decisions.decide(taskId, CurrentUser.staffScope(), command);
        return new DecisionResponse(decision.getId(), decision.getLevel().name(), decision.getDecision().name(),
                decision.getDecidedAt());
    }
}
