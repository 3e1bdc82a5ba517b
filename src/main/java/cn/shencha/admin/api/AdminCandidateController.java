package cn.shencha.admin.api;

import cn.shencha.admin.CandidateImportService;
import cn.shencha.admin.CandidateSearchService;
import cn.shencha.admin.ConcurrentChange;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.base.security.Roles;
import cn.shencha.base.web.ShenchaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Administrators: candidate import, search, a candidate's whole case, personal extensions. */
@RestController
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin API")
class AdminCandidateController {

    record ExtensionRequest(String uploadDeadline, String reason, boolean confirmReopen) {
    }

    record ExtensionResponse(String registrationNo, OffsetDateTime before, OffsetDateTime uploadDeadline,
                             int timersMoved, boolean reopened) {
    }

    private final CandidateImportService importer;
    private final CandidateSearchService search;
    private final ScheduleAdminService schedules;

    AdminCandidateController(CandidateImportService importer, CandidateSearchService search,
                             ScheduleAdminService schedules) {
        this.importer = importer;
        this.search = search;
        this.schedules = schedules;
    }

    @PostMapping(value = {"/api/v1/admin/candidates/import", "/api/v1/admin/seasons/{season}/candidates/import"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the registration system's CSV (UTF-8 or GBK) into the season (default: the current "
            + "one); row-by-row report, idempotent; a registration number is unique within its season")
    CandidateImportService.ImportReport importCsv(@SeasonPath @PathVariable(required = false) String season,
                                                  @RequestPart("file") MultipartFile file,
                                                  @RequestParam(defaultValue = "auto") String encoding,
                                                  @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        if (file.isEmpty()) {
            throw ShenchaException.badRequest("IMPORT_EMPTY");
        }
        return importer.importCsv(season, file.getBytes(), encoding, dryRun, Progress.NONE);
    }

    @GetMapping("/api/v1/admin/candidates")
    @Operation(summary = "Search by registration number (prefix), name (part) or ID number")
    List<CandidateSearchService.CandidateSummary> search(@RequestParam("q") String query) {
        return search.search(query);
    }

    @GetMapping("/api/v1/admin/candidates/{registrationNo}")
    @Operation(summary = "A candidate's phase, materials, decisions, history and extensions")
    CandidateSearchService.CandidateDetail detail(@PathVariable String registrationNo) {
        return search.detail(registrationNo);
    }

    @PutMapping("/api/v1/admin/candidates/{registrationNo}/upload-deadline")
    @Operation(summary = "Personal extension of one candidate's upload deadline, with a reason")
    ExtensionResponse extend(@PathVariable String registrationNo, @RequestBody ExtensionRequest request) {
        Instant deadline = ApiDateTimes.parse("uploadDeadline", request.uploadDeadline());
        ScheduleAdminService.ExtensionResult result = ConcurrentChange.refuseOnCollision(() ->
                schedules.extendUploadDeadline(registrationNo, deadline, request.reason(), request.confirmReopen()));
        return new ExtensionResponse(registrationNo, ApiDateTimes.format(result.before()),
                ApiDateTimes.format(result.after()), result.timersMoved(), result.reopened());
    }
}
