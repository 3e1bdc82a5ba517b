package cn.shencha.admin.api;

import cn.shencha.admin.CaseStatus;
import cn.shencha.admin.ConcurrentChange;
import cn.shencha.admin.DashboardService;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.admin.ScheduleChange;
import cn.shencha.admin.VerdictExport;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.Seasons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators: a district's deadlines, their history, publication, verdict export and progress, per exam season.
 * {@code /api/v1/admin/seasons/{season}/districts/…} names the season; {@code /api/v1/admin/districts/…} is the
 * current season.
 */
@RestController
@RequestMapping({"/api/v1/admin/districts", "/api/v1/admin/seasons/{season}/districts"})
@RolesAllowed(cn.shencha.base.security.Roles.ADMIN)
@Tag(name = "Admin API")
class AdminDistrictController {

    record ScheduleDto(String seasonCode, String districtCode, String districtName, OffsetDateTime uploadStart,
                       OffsetDateTime uploadDeadline, OffsetDateTime supplementDeadline,
                       OffsetDateTime resultsPublishAt) {

        static ScheduleDto of(District district, SeasonSchedule schedule) {
            DistrictSchedule s = schedule.schedule();
            return new ScheduleDto(schedule.getSeasonCode(), district.getCode(), district.getName(),
                    ApiDateTimes.format(s.uploadStart()),
                    ApiDateTimes.format(s.uploadDeadline()), ApiDateTimes.format(s.supplementDeadline()),
                    ApiDateTimes.format(s.resultsPublishAt()));
        }
    }

    /** ISO-8601 with offset; {@code confirmReopen} must be true to open a closed upload window again. */
    record ScheduleRequest(String uploadStart, String uploadDeadline, String supplementDeadline,
                           String resultsPublishAt, boolean confirmReopen) {

        DistrictSchedule toSchedule() {
            return new DistrictSchedule(ApiDateTimes.parse("uploadStart", uploadStart),
                    ApiDateTimes.parse("uploadDeadline", uploadDeadline),
                    ApiDateTimes.parse("supplementDeadline", supplementDeadline),
                    ApiDateTimes.parse("resultsPublishAt", resultsPublishAt));
        }
    }

    record ScheduleChangeResponse(ScheduleDto schedule, int timersMoved, int reviewTasksMoved, int casesReopened) {
    }

    record ChangeDto(Long id, String kind, String registrationNo, String changedBy, OffsetDateTime changedAt,
                     Map<String, OffsetDateTime> before, Map<String, OffsetDateTime> after, String reason,
                     int timersMoved, int casesReopened, int verdictsPublished) {

        static ChangeDto of(ScheduleChange c) {
            return new ChangeDto(c.getId(), c.getKind().name(), c.getRegistrationNo(), c.getChangedBy(),
                    ApiDateTimes.format(c.getChangedAt()),
                    values(c.getOldUploadStart(), c.getOldUploadDeadline(), c.getOldSupplementDeadline(),
                            c.getOldResultsPublishAt()),
                    values(c.getNewUploadStart(), c.getNewUploadDeadline(), c.getNewSupplementDeadline(),
                            c.getNewResultsPublishAt()),
                    c.getReason(), c.getTimersMoved(), c.getCasesReopened(), c.getVerdictsPublished());
        }

        private static Map<String, OffsetDateTime> values(java.time.Instant start, java.time.Instant deadline,
                                                          java.time.Instant supplement, java.time.Instant publish) {
            Map<String, OffsetDateTime> map = new LinkedHashMap<>();
            if (start != null) {
                map.put("uploadStart", ApiDateTimes.format(start));
            }
            if (deadline != null) {
                map.put("uploadDeadline", ApiDateTimes.format(deadline));
            }
            if (supplement != null) {
                map.put("supplementDeadline", ApiDateTimes.format(supplement));
            }
            if (publish != null) {
                map.put("resultsPublishAt", ApiDateTimes.format(publish));
            }
            return map;
        }
    }

    record PublicationResponse(int verdictsPublished, OffsetDateTime resultsPublishAt) {
    }

    record CountsDto(String code, String name, Map<CaseStatus, Integer> counts, int total, int overdueReviews) {
    }

    record DayDto(LocalDate date, Map<CaseStatus, Integer> counts, boolean live) {
    }

    record DashboardDto(String seasonCode, String districtCode, String districtName, CountsDto district, List<CountsDto> sites,
                        List<DayDto> days, String overdueAfter) {
    }

    private final ScheduleAdminService schedules;
    private final DashboardService dashboards;
    private final VerdictExport verdictExport;
    private final Seasons seasons;

    AdminDistrictController(ScheduleAdminService schedules, DashboardService dashboards, VerdictExport verdictExport,
                            Seasons seasons) {
        this.seasons = seasons;
        this.schedules = schedules;
        this.dashboards = dashboards;
        this.verdictExport = verdictExport;
    }

    @GetMapping
    @Operation(summary = "All districts with their schedules in the season")
    List<ScheduleDto> districts(@SeasonPath @PathVariable(required = false) String season) {
        return schedules.districts().stream()
                .map(d -> ScheduleDto.of(d, schedules.schedule(season, d.getCode())))
                .toList();
    }

    @GetMapping("/{code}/schedule")
    @Operation(summary = "A district's upload window, supplement deadline and publication time (+08:00) in the season")
    ScheduleDto schedule(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code) {
        return ScheduleDto.of(schedules.district(code), schedules.schedule(season, code));
    }

    @PutMapping("/{code}/schedule")
    @Operation(summary = "Change a district's schedule in the season; every waiting timer of that season's cases moves at once")
    ScheduleChangeResponse changeSchedule(@SeasonPath @PathVariable(required = false) String season,
                                          @PathVariable String code, @RequestBody ScheduleRequest request) {
        DistrictSchedule schedule = request.toSchedule();
        ScheduleAdminService.ScheduleChangeResult result = ConcurrentChange.refuseOnCollision(() ->
                schedules.changeSchedule(season, code, schedule, request.confirmReopen(), Progress.NONE));
        return new ScheduleChangeResponse(schedule(season, code), result.timersMoved(), result.reviewTasksMoved(),
                result.casesReopened());
    }

    @GetMapping("/{code}/schedule/changes")
    @Operation(summary = "Every recorded change of the district's deadlines in the season, newest first")
    List<ChangeDto> changes(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code) {
        return schedules.changes(season, code).stream().map(ChangeDto::of).toList();
    }

    @PostMapping("/{code}/publication")
    @Operation(summary = "Publish the district's verdicts of the season now")
    PublicationResponse publish(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code) {
        ScheduleAdminService.PublicationResult result = ConcurrentChange.refuseOnCollision(
                () -> schedules.publishNow(season, code));
        return new PublicationResponse(result.verdictsPublished(), ApiDateTimes.format(result.resultsPublishAt()));
    }

    @GetMapping(value = "/{code}/verdicts.csv", produces = "text/csv")
    @Operation(summary = "The district's verdicts of the season as CSV (encoding UTF-8 with BOM, or GBK)")
    ResponseEntity<byte[]> verdicts(@SeasonPath @PathVariable(required = false) String season,
                                    @PathVariable String code,
                                    @RequestParam(defaultValue = "UTF-8") String encoding) throws IOException {
        String seasonCode = seasons.require(season).getCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        verdictExport.write(seasonCode, code, encoding, out);
        String charset = "GBK".equalsIgnoreCase(encoding) ? "GB18030" : "UTF-8";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.Charset.forName(charset)))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(VerdictExport.fileName(seasonCode, code), StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/{code}/dashboard")
    @Operation(summary = "Cases of the season per status and exam site, overdue reviews, and the daily history")
    DashboardDto dashboard(@SeasonPath @PathVariable(required = false) String season, @PathVariable String code) {
        DashboardService.Dashboard d = dashboards.dashboard(season, code);
        return new DashboardDto(d.seasonCode(), d.districtCode(), d.districtName(), counts(d.district()),
                d.sites().stream().map(AdminDistrictController::counts).toList(),
                d.days().stream().map(day -> new DayDto(day.date(), day.counts(), day.live())).toList(),
                d.overdueAfter().toString());
    }

    private static CountsDto counts(DashboardService.SiteLine line) {
        return new CountsDto(line.siteCode(), line.siteName(), line.counts(), line.total(), line.overdueReviews());
    }
}
