package cn.shencha.retention.api;

import cn.shencha.base.security.Roles;
import cn.shencha.retention.RetentionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators: how long each district keeps a season's personal data after publishing its results, what each
 * purge will delete and when, holds for single candidates, and the record of every purge. Times in +08:00.
 */
@RestController
@RequestMapping("/api/v1/admin/retention")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin API")
class AdminRetentionController {

    /** {@code days} between 30 and 1095. */
    record SettingRequest(Integer days) {
    }

    record HoldRequest(String seasonCode, String registrationNo, String reason) {
    }

    record ReleaseRequest(String reason) {
    }

    private final RetentionService service;

    AdminRetentionController(RetentionService service) {
        this.service = service;
    }

    @GetMapping("/settings")
    @Operation(summary = "Every district's retention period in days (default 180, bounds 30..1095)")
    List<RetentionService.DistrictRetention> settings() {
        return service.settings();
    }

    @PutMapping("/settings/{district}")
    @Operation(summary = "Set a district's retention period: days after the publication of a season's results; "
            + "400 RETENTION_DAYS_OUT_OF_RANGE outside 30..1095, 404 DISTRICT_NOT_FOUND")
    RetentionService.DistrictRetention set(@PathVariable String district, @RequestBody SettingRequest request) {
        if (request == null || request.days() == null) {
            throw cn.shencha.base.web.ShenchaException.badRequest("RETENTION_DAYS_OUT_OF_RANGE", service.minDays(),
                    service.maxDays());
        }
        return service.setRetention(district, request.days());
    }

    @GetMapping("/preview")
    @Operation(summary = "For every season's district: when its purge is due and what it deletes (counts of "
            + "candidates, images, messages, notifications, delivery addresses, contacts, engine history); held "
            + "candidates and running cases left out; changes nothing")
    List<RetentionService.Preview> preview() {
        return service.preview();
    }

    @GetMapping("/holds")
    @Operation(summary = "The holds, active ones first")
    List<RetentionService.Hold> holds() {
        return service.holds();
    }

    @PostMapping("/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hold one candidate's purge (an appeal, a dispute) with a reason; 404 CANDIDATE_NOT_FOUND, "
            + "409 ALREADY_HELD, 409 ALREADY_PURGED, 400 HOLD_REASON_REQUIRED")
    RetentionService.Hold hold(@RequestBody HoldRequest request) {
        return service.hold(request.seasonCode(), request.registrationNo(), request.reason());
    }

    @PostMapping("/holds/{id}/release")
    @Operation(summary = "End a hold with a reason: the next run purges the candidate if the period has ended; "
            + "404 HOLD_NOT_FOUND, 409 HOLD_ALREADY_RELEASED, 400 RELEASE_REASON_REQUIRED")
    RetentionService.Hold release(@PathVariable long id, @RequestBody(required = false) ReleaseRequest request) {
        return service.release(id, request == null ? null : request.reason());
    }

    @GetMapping("/purges")
    @Operation(summary = "Every purge (the audit record): season, district, who started it, when, what it deleted")
    List<RetentionService.Purge> purges() {
        return service.purges();
    }

    @PostMapping("/purges/{season}/{district}")
    @Operation(summary = "Run a due purge now instead of at the next hourly run; 409 RETENTION_NOT_DUE, "
            + "409 NOTHING_TO_PURGE")
    RetentionService.Purge purgeNow(@PathVariable String season, @PathVariable String district) {
        return service.purgeNow(season, district);
    }
}
