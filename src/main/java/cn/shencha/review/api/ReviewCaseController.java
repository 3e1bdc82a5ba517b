package cn.shencha.review.api;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.review.ReviewCase;
import cn.shencha.review.ReviewCaseService;
import cn.shencha.review.ReviewImageService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A candidate's case as reviewers see it: for their own site or district only (anyone else: 404). */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "Reviewer API")
class ReviewCaseController {

    /** A review task's case and the texts of its form, in the reader's language. */
    record TaskDesk(ReviewCase review, Map<String, String> texts) {
    }

    private final ReviewCaseService cases;
    private final ReviewImageService images;

    ReviewCaseController(ReviewCaseService cases, ReviewImageService images) {
        this.cases = cases;
        this.images = images;
    }

    @GetMapping("/candidates/{registrationNo}")
    @Operation(summary = "A candidate's registration summary (ID number masked), materials with images and flags, earlier decisions")
    ReviewCase candidate(@PathVariable String registrationNo) {
        return cases.forCandidate(CurrentUser.staffScope(), registrationNo, Messages.currentLocale());
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "The case behind a review task, with the task form's texts (used by the embedded task forms)")
    TaskDesk task(@PathVariable String taskId) {
        return new TaskDesk(cases.forTask(CurrentUser.staffScope(), taskId, Messages.currentLocale()),
                cases.formTexts(Messages.currentLocale()));
    }

    @GetMapping("/images/{id}")
    @Operation(summary = "An image's bytes as stored (size=thumb: a thumbnail of at most 320x240); every view is recorded")
    ResponseEntity<Resource> image(@PathVariable Long id, @RequestParam(required = false) String size) {
        ReviewImageService.Size wanted = "thumb".equalsIgnoreCase(size) ? ReviewImageService.Size.THUMB : ReviewImageService.Size.FULL;
        ReviewImageService.ImageBytes image = images.image(CurrentUser.staffScope(), id, wanted);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                // Personal data: not kept in the browser's cache, and every view goes through the audit.
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .contentLength(image.length())
                .body(new InputStreamResource(image.content())); // streamed, closed once sent
    }
}
