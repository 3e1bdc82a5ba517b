package cn.shencha.admin.api;

import cn.shencha.admin.season.SeasonAdminService;
import cn.shencha.admin.season.SeasonChange;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamSeason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators: exam seasons. Opening the next season copies every district's catalog and shifts its schedule
 * by a year (Beijing wall clock); the newest season that is not closed is the current one.
 */
@RestController
@RequestMapping("/api/v1/admin/seasons")
@RolesAllowed(cn.shencha.base.security.Roles.ADMIN)
@Tag(name = "Admin API")
class AdminSeasonController {

    record SeasonDto(String code, String name, boolean current, boolean closed, long candidates,
                     OffsetDateTime openedAt, String openedBy, OffsetDateTime closedAt) {

        static SeasonDto of(ExamSeason s, boolean current, long candidates) {
            return new SeasonDto(s.getCode(), s.getName(), current, s.isClosed(), candidates,
                    ApiDateTimes.format(s.getOpenedAt()), s.getOpenedBy(),
                    s.getClosedAt() == null ? null : ApiDateTimes.format(s.getClosedAt()));
        }
    }

    record ScheduleDates(OffsetDateTime uploadStart, OffsetDateTime uploadDeadline,
                         OffsetDateTime supplementDeadline, OffsetDateTime resultsPublishAt) {

        static ScheduleDates of(DistrictSchedule s) {
            return new ScheduleDates(ApiDateTimes.format(s.uploadStart()), ApiDateTimes.format(s.uploadDeadline()),
                    ApiDateTimes.format(s.supplementDeadline()), ApiDateTimes.format(s.resultsPublishAt()));
        }
    }

    record ShiftedDto(String districtCode, String districtName, ScheduleDates from, ScheduleDates to) {
    }

    record PreviewDto(String fromSeason, String code, String name, List<ShiftedDto> schedules, int materialTypes) {
    }

    /** {@code name} blank or absent: "2027年医师资格考试". */
    record OpenRequest(String name) {
    }

    record ChangeDto(Long id, String seasonCode, String action, String fromSeason, String changedBy,
                     OffsetDateTime changedAt, String detail) {

        static ChangeDto of(SeasonChange c) {
            return new ChangeDto(c.getId(), c.getSeasonCode(), c.getAction().name(), c.getFromSeason(),
                    c.getChangedBy(), ApiDateTimes.format(c.getChangedAt()), c.getDetail());
        }
    }

    private final SeasonAdminService service;

    AdminSeasonController(SeasonAdminService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The exam seasons, newest first, with the current one marked")
    List<SeasonDto> seasons() {
        return service.seasons().stream().map(l -> SeasonDto.of(l.season(), l.current(), l.candidates())).toList();
    }

    @GetMapping("/current")
    @Operation(summary = "The current season: the newest one that is not closed")
    SeasonDto current() {
        return service.seasons().stream().filter(SeasonAdminService.SeasonLine::current).findFirst()
                .map(l -> SeasonDto.of(l.season(), true, l.candidates())).orElseThrow();
    }

    @GetMapping("/next/preview")
    @Operation(summary = "What opening the next season would do: its code and name, every district's schedule shifted "
            + "by a year (+08:00), how many material types are copied. Changes nothing; 409 SEASON_EXISTS")
    PreviewDto preview(@RequestParam(required = false) String name) {
        SeasonAdminService.Preview p = service.preview(name);
        return new PreviewDto(p.fromSeason(), p.code(), p.name(), p.schedules().stream()
                .map(s -> new ShiftedDto(s.districtCode(), s.districtName(), ScheduleDates.of(s.from()),
                        ScheduleDates.of(s.to())))
                .toList(), p.materialTypes());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the next season (it becomes current): catalogs copied, schedules shifted by a year; "
            + "last season's cases are not touched")
    SeasonDto open(@RequestBody(required = false) OpenRequest request) {
        ExamSeason season = service.openNext(request == null ? null : request.name());
        return SeasonDto.of(season, true, 0);
    }

    @PostMapping("/{season}/close")
    @Operation(summary = "Close a season: it is no longer current; its cases are not touched. 409 LAST_OPEN_SEASON")
    SeasonDto close(@SeasonPath @PathVariable String season) {
        return line(service.close(season).getCode());
    }

    @PostMapping("/{season}/reopen")
    @Operation(summary = "Open a closed season again; the newest open season is current")
    SeasonDto reopen(@SeasonPath @PathVariable String season) {
        return line(service.reopen(season).getCode());
    }

    @GetMapping("/changes")
    @Operation(summary = "Every opening, closing and reopening of a season, newest first")
    List<ChangeDto> changes() {
        return service.changes().stream().map(ChangeDto::of).toList();
    }

    private SeasonDto line(String code) {
        return service.seasons().stream().filter(l -> l.season().getCode().equals(code)).findFirst()
                .map(l -> SeasonDto.of(l.season(), l.current(), l.candidates())).orElseThrow();
    }
}
