package cn.shencha.admin.season;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamSeason;
import cn.shencha.exam.ExamSeasonRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.MaterialCatalog;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.review.ReviewFilters;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Exam seasons (考试年度): opening next year's season copies every district's catalog (types, requirements per exam
 * category, 示例 images) and shifts its schedule by one year on the Beijing wall clock (2026-02-11 24:00 becomes
 * 2027-02-11 24:00), to be edited afterwards on 时间设置 and 材料目录. The newest season that is not closed is the
 * current one: candidates sign in to it and every page and path without a season is about it. Last season's cases
 * are not touched: their timers keep their own season's dates, and they finish (or stay) as they are.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class SeasonAdminService {

    private static final Logger log = LoggerFactory.getLogger(SeasonAdminService.class);
    static final int MAX_NAME = 100;

    /** One district's schedule now and in the season to open. */
    public record ShiftedSchedule(String districtCode, String districtName, DistrictSchedule from, DistrictSchedule to) {
    }

    /** What opening the next season would do, before anything is saved. */
    public record Preview(String fromSeason, String code, String name, List<ShiftedSchedule> schedules, int materialTypes) {
    }

    /** A season in the list: with how many candidates it has and whether it is the current one. */
    public record SeasonLine(ExamSeason season, boolean current, long candidates) {
    }

    private final ExamSeasonRepository seasonRepository;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final DistrictRepository districts;
    private final MaterialCatalog types;
    private final CandidateRepository candidates;
    private final SeasonChangeRepository changes;
    private final ImageStore store;
    private final ReviewFilters reviewFilters;
    private final Clock clock;

    SeasonAdminService(ExamSeasonRepository seasonRepository, Seasons seasons, SeasonScheduleRepository schedules,
                       DistrictRepository districts, MaterialCatalog types, CandidateRepository candidates,
                       SeasonChangeRepository changes, ImageStore store, ReviewFilters reviewFilters, Clock clock) {
        this.seasonRepository = seasonRepository;
        this.seasons = seasons;
        this.schedules = schedules;
        this.districts = districts;
        this.types = types;
        this.candidates = candidates;
        this.changes = changes;
        this.store = store;
        this.reviewFilters = reviewFilters;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SeasonLine> seasons() {
        String current = seasons.currentCode();
        return seasons.all().stream()
                .map(s -> new SeasonLine(s, s.getCode().equals(current), candidates.countBySeasonCode(s.getCode())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ExamSeason current() {
        return seasons.current();
    }

    @Transactional(readOnly = true)
    public List<SeasonChange> changes() {
        return changes.findAllByOrderByChangedAtDescIdDesc();
    }

    /** The default name of a season: "2027年医师资格考试". */
    public static String defaultName(String code) {
        return code + "年医师资格考试";
    }

    /** The instant years later on the Beijing wall clock (24:00 stays 24:00, 10:00 stays 10:00). */
    public static Instant later(Instant instant, int years) {
        return instant.atZone(ShanghaiTime.ZONE).plusYears(years).toInstant();
    }

    /**
     * The schedule years later. A season whose verdicts were published early ("publish now" sets the publication
     * time to that moment) would give a publication before the supplement deadline: the new season publishes a
     * week after its supplement deadline instead, to be set on 时间设置.
     */
    static DistrictSchedule later(DistrictSchedule s, int years) {
        Instant supplement = later(s.supplementDeadline(), years);
        Instant publication = later(s.resultsPublishAt(), years);
        if (!publication.isAfter(supplement)) {
            publication = supplement.atZone(ShanghaiTime.ZONE).plusWeeks(1).toInstant();
        }
        return new DistrictSchedule(later(s.uploadStart(), years), later(s.uploadDeadline(), years), supplement,
                publication);
    }

    /**
     * The next season: the year after the newest season (a closed season is opened again, not a second time), with
     * the current season's catalog and schedules shifted by as many years. Changes nothing.
     */
    @Transactional(readOnly = true)
    public Preview preview(String name) {
        ExamSeason from = seasons.current();
        int newest = seasons.all().stream().mapToInt(s -> Integer.parseInt(s.getCode())).max().orElseThrow();
        String code = String.valueOf(newest + 1);
        int years = newest + 1 - Integer.parseInt(from.getCode());
        if (seasonRepository.existsById(code)) {
            throw ShenchaException.conflict("SEASON_EXISTS", code);
        }
        List<ShiftedSchedule> shifted = new ArrayList<>();
        for (SeasonSchedule s : schedules.findBySeasonCodeOrderByDistrictCode(from.getCode())) {
            String districtName = districts.findById(s.getDistrictCode()).map(d -> d.getName()).orElse(s.getDistrictCode());
            shifted.add(new ShiftedSchedule(s.getDistrictCode(), districtName, s.schedule(), later(s.schedule(), years)));
        }
        int typeCount = shifted.stream()
                .mapToInt(s -> types.of(from.getCode(), s.districtCode()).size())
                .sum();
        return new Preview(from.getCode(), code, validName(name, code), shifted, typeCount);
    }

    /**
     * Opens the season after the current one, which becomes current: every district's catalog copied (an uploaded
     * 示例 image as a file of its own, so that replacing it in one season leaves the other's), its schedule shifted by
     * a year. The old season's cases and candidates stay in the old season.
     *
     * @param name the season's name, blank for {@link #defaultName}
     */
    @Transactional
    public ExamSeason openNext(String name) {
        String actor = CurrentUser.require().username();
        Preview preview = preview(name);
        Instant now = clock.instant();
        ExamSeason season = seasonRepository.saveAndFlush(new ExamSeason(preview.code(), preview.name(), now, actor));
        List<String> copiedFiles = new ArrayList<>();
        deleteOnRollback(copiedFiles);
        int copiedTypes = 0;
        for (ShiftedSchedule s : preview.schedules()) {
            schedules.save(new SeasonSchedule(season.getCode(), s.districtCode(), s.to()));
            for (MaterialType type : types.of(preview.fromSeason(),
                    s.districtCode())) {
                types.add(new MaterialType(season.getCode(), type.getDistrictCode(), type.getCode(), type.getName(),
                        type.getNameEn(), type.getDescription(), copyExample(type.getExampleImage(), copiedFiles),
                        type.getMinCount(), type.getMaxCount(), type.getSortOrder(), type.getRequiredFor()));
                copiedTypes++;
            }
        }
        changes.save(new SeasonChange(season.getCode(), SeasonChange.Action.OPENED, preview.fromSeason(), actor, now,
                "%d 个考区的时间安排顺延至 %s 年度，复制材料类型 %d 个".formatted(preview.schedules().size(), season.getCode(), copiedTypes)));
        reviewFilters.ensureAll();
        log.info("Season {} opened by {} from {}: {} districts, {} material types", season.getCode(), actor,
                preview.fromSeason(), preview.schedules().size(), copiedTypes);
        return season;
    }

    /**
     * Closes a season: it is no longer current (the newest open season before it becomes current). Its cases are not
     * touched. The only open season cannot be closed: candidates must have a season to sign in to.
     */
    @Transactional
    public ExamSeason close(String code) {
        String actor = CurrentUser.require().username();
        ExamSeason season = seasons.require(code);
        if (season.isClosed()) {
            throw ShenchaException.conflict("SEASON_ALREADY_CLOSED", code);
        }
        boolean anotherOpen = seasons.all().stream().anyMatch(s -> !s.isClosed() && !s.getCode().equals(code));
        if (!anotherOpen) {
            throw ShenchaException.conflict("LAST_OPEN_SEASON", code);
        }
        Instant now = clock.instant();
        season.close(now, actor);
        seasonRepository.flush();
        changes.save(new SeasonChange(code, SeasonChange.Action.CLOSED, null, actor, now, null));
        reviewFilters.ensureAll();
        return season;
    }

    /** Opens a closed season again; the newest open season is current. */
    @Transactional
    public ExamSeason reopen(String code) {
        String actor = CurrentUser.require().username();
        ExamSeason season = seasons.require(code);
        if (!season.isClosed()) {
            throw ShenchaException.conflict("SEASON_NOT_CLOSED", code);
        }
        season.reopen();
        seasonRepository.flush();
        changes.save(new SeasonChange(code, SeasonChange.Action.REOPENED, null, actor, clock.instant(), null));
        reviewFilters.ensureAll();
        return season;
    }

    private static String validName(String raw, String code) {
        String name = raw == null || raw.isBlank() ? defaultName(code) : raw.strip();
        if (name.length() > MAX_NAME) {
            throw ShenchaException.badRequest("NAME_INVALID", MAX_NAME);
        }
        return name;
    }

    /** A built-in example is shared (a path under /examples/); an uploaded one is copied to a file of its own. */
    private String copyExample(String example, List<String> copiedFiles) {
        if (example == null || !example.startsWith(MaterialType.UPLOADED_EXAMPLE_PATH)) {
            return example;
        }
        String key = example.substring(MaterialType.UPLOADED_EXAMPLE_PATH.length());
        String extension = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : "jpg";
        try {
            String copy = store.put(store.get(key), extension);
            copiedFiles.add(copy);
            return MaterialType.UPLOADED_EXAMPLE_PATH + copy;
        } catch (IOException e) {
            log.error("Cannot copy the example image {} into the new season", key, e);
            throw ShenchaException.storageFailed();
        }
    }

    private void deleteOnRollback(List<String> copiedFiles) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    for (String key : copiedFiles) {
                        try {
                            store.delete(key);
                        } catch (IOException | RuntimeException e) {
                            log.warn("Cannot remove copied example {}; the orphan sweeper will: {}", key, e.getMessage());
                        }
                    }
                }
            }
        });
    }
}
