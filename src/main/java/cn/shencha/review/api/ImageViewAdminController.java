package cn.shencha.review.api;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.review.ImageViewLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators: who viewed which candidate's images, and when (PIPL audit). Anyone else: 403. */
@RestController
@Tag(name = "Admin API")
class ImageViewAdminController {

    private final ImageViewLog log;

    ImageViewAdminController(ImageViewLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/admin/image-views")
    @Operation(summary = "Image views, newest first; filter by registration number, viewer and Asia/Shanghai dates (inclusive)")
    ImageViewLog.EntryPage list(@RequestParam(required = false) String registrationNo,
                                @RequestParam(required = false) String viewer,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return log.search(CurrentUser.staffScope(), registrationNo, viewer, from, to, page, size);
    }
}
