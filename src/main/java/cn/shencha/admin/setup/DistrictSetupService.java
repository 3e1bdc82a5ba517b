package cn.shencha.admin.setup;

import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.review.MaterialReviewProcess;
import cn.shencha.review.ReviewerGroups;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Districts and exam sites created and edited by administrators, on an empty database too. A new district
 * starts, in the current season, with the standard catalog and a provisional schedule (to be set on 时间设置); every new district or
 * site gets its reviewer group at once, so Tasklist and its shared filters work from the first case.
 * Administrators only, like every admin service: an administrator (camunda-admin) administers every district.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class DistrictSetupService {

    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{2}");
    private static final Pattern SITE_CODE = Pattern.compile("\\d{4}");
    static final int MIN_IMAGE_KB = 50;
    static final int MAX_IMAGE_KB = 5120;

    public record DistrictForm(String code, String name, Integer maxImageKb) {
    }

    public record SiteForm(String code, String name) {
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final StandardCatalog standardCatalog;
    private final ReviewerGroups reviewerGroups;
    private final Seasons seasons;
    private final SeasonScheduleRepository schedules;
    private final Clock clock;

    DistrictSetupService(DistrictRepository districts, ExamSiteRepository sites, StandardCatalog standardCatalog,
                         ReviewerGroups reviewerGroups, Seasons seasons, SeasonScheduleRepository schedules,
                         Clock clock) {
        this.seasons = seasons;
        this.schedules = schedules;
        this.districts = districts;
        this.sites = sites;
        this.standardCatalog = standardCatalog;
        this.reviewerGroups = reviewerGroups;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<District> districts() {
        return districts.findAll(org.springframework.data.domain.Sort.by("code"));
    }

    @Transactional(readOnly = true)
    public District district(String code) {
        return districts.findById(code).orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", code));
    }

    @Transactional(readOnly = true)
    public List<ExamSite> sites(String districtCode) {
        district(districtCode);
        return sites.findByDistrictCodeOrderByCode(districtCode);
    }

    /** A new district with the standard catalog, its reviewer group and a provisional schedule. */
    @Transactional
    public District createDistrict(DistrictForm form) {
        String code = trim(form.code());
        if (code == null || !DISTRICT_CODE.matcher(code).matches()) {
            throw ShenchaException.badRequest("DISTRICT_CODE_INVALID", String.valueOf(code));
        }
        if (districts.existsById(code)) {
            throw ShenchaException.conflict("DISTRICT_EXISTS", code);
        }
        District district = new District(code, name(form.name(), 50));
        district.setMaxImageBytes(imageBytes(form.maxImageKb()));
        districts.save(district);
        String season = seasons.currentCode();
        schedules.save(new SeasonSchedule(season, code, provisionalSchedule()));
        standardCatalog.seed(season, code);
        reviewerGroups.ensure(MaterialReviewProcess.districtGroup(code), "考区审核 " + district.getName());
        return district;
    }

    /** Creates the district or changes its name and image limit; UNCHANGED when nothing differs. */
    @Transactional
    public Outcome saveDistrict(DistrictForm form) {
        String code = trim(form.code());
        District existing = code == null ? null : districts.findById(code).orElse(null);
        if (existing == null) {
            createDistrict(form);
            return Outcome.CREATED;
        }
        String name = name(form.name(), 50);
        int bytes = form.maxImageKb() == null ? existing.getMaxImageBytes() : imageBytes(form.maxImageKb());
        if (name.equals(existing.getName()) && bytes == existing.getMaxImageBytes()) {
            return Outcome.UNCHANGED;
        }
        existing.setName(name);
        existing.setMaxImageBytes(bytes);
        return Outcome.UPDATED;
    }

    @Transactional
    public District updateDistrict(String code, DistrictForm form) {
        district(code);
        saveDistrict(new DistrictForm(code, form.name(), form.maxImageKb()));
        return district(code);
    }

    /** Creates the site (four digits, starting with the district's code) or renames it. */
    @Transactional
    public Outcome saveSite(String districtCode, SiteForm form) {
        District district = district(districtCode);
        String code = siteCode(districtCode, form.code());
        String name = name(form.name(), 100);
        ExamSite existing = sites.findById(code).orElse(null);
        if (existing == null) {
            sites.save(new ExamSite(code, district.getCode(), name));
            reviewerGroups.ensure(MaterialReviewProcess.siteGroup(code), "考点审核 " + name);
            return Outcome.CREATED;
        }
        if (existing.getName().equals(name)) {
            return Outcome.UNCHANGED;
        }
        existing.setName(name);
        return Outcome.UPDATED;
    }

    private static String siteCode(String districtCode, String raw) {
        String code = trim(raw);
        if (code == null || !SITE_CODE.matcher(code).matches()) {
            throw ShenchaException.badRequest("SITE_CODE_INVALID", String.valueOf(code));
        }
        if (!code.startsWith(districtCode)) {
            throw ShenchaException.badRequest("SITE_CODE_NOT_IN_DISTRICT", code, districtCode);
        }
        return code;
    }

    @Transactional
    public ExamSite createSite(String districtCode, SiteForm form) {
        district(districtCode);
        String code = siteCode(districtCode, form.code());
        if (sites.existsById(code)) {
            throw ShenchaException.conflict("SITE_EXISTS", code);
        }
        saveSite(districtCode, form);
        return sites.findById(code).orElseThrow();
    }

    @Transactional
    public ExamSite renameSite(String districtCode, String siteCode, String name) {
        ExamSite site = sites.findById(siteCode).filter(s -> s.getDistrictCode().equals(districtCode))
                .orElseThrow(() -> ShenchaException.notFound("SITE_NOT_FOUND", siteCode));
        saveSite(districtCode, new SiteForm(site.getCode(), name));
        return site;
    }

    /**
     * Until the administrator sets the real dates on 时间设置: the window opens in 30 days at 10:00 and
     * closes two weeks later at 24:00 (Beijing time), two weeks for supplements, publication a week later.
     */
    DistrictSchedule provisionalSchedule() {
        LocalDate opening = LocalDate.now(clock.withZone(ShanghaiTime.ZONE)).plusDays(30);
        return new DistrictSchedule(ShanghaiTime.at(opening.atTime(LocalTime.of(10, 0))),
                ShanghaiTime.endOfDay(opening.plusDays(13)),
                ShanghaiTime.endOfDay(opening.plusDays(27)),
                ShanghaiTime.at(opening.plusDays(35).atTime(LocalTime.of(10, 0))));
    }

    private static int imageBytes(Integer kb) {
        int value = kb == null ? 200 : kb;
        if (value < MIN_IMAGE_KB || value > MAX_IMAGE_KB) {
            throw ShenchaException.badRequest("IMAGE_LIMIT_INVALID", MIN_IMAGE_KB, MAX_IMAGE_KB);
        }
        return value * 1024;
    }

    static String name(String raw, int maxLength) {
        String name = trim(raw);
        if (name == null || name.length() > maxLength) {
            throw ShenchaException.badRequest("NAME_INVALID", maxLength);
        }
        return name;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
