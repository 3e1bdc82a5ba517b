package cn.shencha.materials.api;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.CandidateSubmission;
import cn.shencha.materials.CandidateStatus;
import cn.shencha.materials.CandidateStatusService;
import cn.shencha.materials.ImageContent;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.internal.UploadResult;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * The signed-in candidate's own case (HTTP Basic with registration number and password, or the browser
 * session). Every id is looked up within the candidate's own data: another candidate's id is 404.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Candidate API v1")
class CandidateController {

    private final CandidateStatusService status;
    private final MaterialOverviewService overview;
    private final MaterialUploadService uploads;
    private final CandidateSubmission submissions;

    CandidateController(CandidateStatusService status, MaterialOverviewService overview, MaterialUploadService uploads,
                        CandidateSubmission submissions) {
        this.status = status;
        this.overview = overview;
        this.uploads = uploads;
        this.submissions = submissions;
    }

    @GetMapping
    @Operation(summary = "Registration info, stage, deadlines and whether the materials are locked")
    ApiModels.Me me() {
        return ApiModels.Me.of(status.status(CurrentUser.candidateId(), Messages.currentLocale()));
    }

    @GetMapping("/materials")
    @Operation(summary = "The material types of the candidate's district with rules, lock state, images and feedback")
    ApiModels.Materials materials() {
        return ApiModels.Materials.of(overview.overview(CurrentUser.candidateId(), Messages.currentLocale()));
    }

    @PostMapping(path = "/materials/{typeCode}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload one picture (multipart field \"file\", JPEG or PNG, up to 20 MB; larger than the "
            + "district's limit is shrunk automatically)",
            responses = {
                    @ApiResponse(responseCode = "201", description = "stored; notes say what was done, warnings are quality hints"),
                    @ApiResponse(responseCode = "400", description = "FILE_EMPTY", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "404", description = "MATERIAL_TYPE_NOT_FOUND", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "409", description = "locked (UPLOAD_DEADLINE_PASSED, SUBMITTED, NOT_UNLOCKED, ...), MAX_COUNT_REACHED, DUPLICATE_IMAGE, SAME_AS_REPLACED",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "413", description = "FILE_TOO_LARGE (over 20 MB)", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_FORMAT (by content, not by name)", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "422", description = "IMAGE_CORRUPT, IMAGE_TRUNCATED, IMAGE_DIMENSIONS_TOO_LARGE, IMAGE_TOO_COMPLEX",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "503", description = "UPLOAD_BUSY, STORAGE_FAILED (the image store failed: nothing was stored), DATABASE_UNAVAILABLE; retry later",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ResponseEntity<ApiModels.Upload> upload(
            @Parameter(description = "e.g. ID_CARD, DIPLOMA") @PathVariable String typeCode,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        Long candidateId = CurrentUser.candidateId();
        if (file == null || file.isEmpty()) {
            throw ShenchaException.badRequest("FILE_EMPTY");
        }
        UploadResult result;
        try (InputStream content = file.getInputStream()) {
            result = uploads.upload(candidateId, typeCode, file.getOriginalFilename(), content, Messages.currentLocale());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/v1/me/images/" + result.image().id()))
                .body(ApiModels.Upload.of(result));
    }

    @DeleteMapping("/images/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a picture while its material is unlocked (a submitted one stays in the history as REPLACED)",
            responses = {
                    @ApiResponse(responseCode = "204", description = "deleted"),
                    @ApiResponse(responseCode = "404", description = "IMAGE_NOT_FOUND", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "409", description = "locked, or IMAGE_IN_HISTORY", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    void delete(@PathVariable Long id) {
        uploads.delete(CurrentUser.candidateId(), id);
    }

    @GetMapping(path = "/images/{id}", produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The stored picture (upright, without metadata), streamed from the image store",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the picture"),
                    @ApiResponse(responseCode = "304", description = "If-None-Match has its ETag"),
                    @ApiResponse(responseCode = "404", description = "IMAGE_NOT_FOUND", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true))),
                    @ApiResponse(responseCode = "503", description = "STORAGE_UNAVAILABLE (the image store cannot be read now)", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ResponseEntity<Resource> image(@PathVariable Long id, WebRequest request) {
        ImageContent content = overview.image(CurrentUser.candidateId(), id);
        String etag = "\"" + content.sha256() + "\"";
        if (request.checkNotModified(etag)) {
            return null; // 304, before the store is opened
        }
        // Streamed from the store (file or bucket) into the response, closed by the converter once sent.
        StoredObject object = content.open();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(object.length())
                // A personal document: never kept by the browser or a proxy, so it is gone with the sign-out.
                .cacheControl(CacheControl.noStore())
                .eTag(etag)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(content.fileName()).build().toString())
                .body(new InputStreamResource(object.content()));
    }

    @PostMapping("/submission")
    @Operation(summary = "Submit for review (提交审核): locks the materials; repeating it changes nothing",
            responses = {
                    @ApiResponse(responseCode = "200", description = "submitted"),
                    @ApiResponse(responseCode = "409", description = "MATERIALS_INCOMPLETE (with the missing materials), or locked",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ApiModels.Submission submit() {
        Long candidateId = CurrentUser.candidateId();
        CandidateSubmission.Outcome outcome = submissions.submit(candidateId, Messages.currentLocale());
        CandidateStatus after = status.status(candidateId, Messages.currentLocale());
        return new ApiModels.Submission(outcome.name(), after.stage().name(), ApiModels.time(after.submittedAt()));
    }

    // GET /api/v1/me/messages (with read/unread) is served by notify.api.CandidateMessageController.

    @GetMapping("/verdict")
    @Operation(summary = "The final verdict once the district has published it",
            responses = {
                    @ApiResponse(responseCode = "200", description = "published"),
                    @ApiResponse(responseCode = "404", description = "NOT_PUBLISHED", content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))})
    ApiModels.VerdictJson verdict() {
        return ApiModels.VerdictJson.of(status.verdict(CurrentUser.candidateId(), Messages.currentLocale()));
    }

    @GetMapping("/verdicts/earlier")
    @Operation(summary = "The published verdicts of the same person in earlier exam seasons, newest season first")
    List<ApiModels.EarlierVerdictJson> earlierVerdicts() {
        return status.earlierVerdicts(CurrentUser.candidateId(), Messages.currentLocale()).stream()
                .map(ApiModels.EarlierVerdictJson::of).toList();
    }
}
