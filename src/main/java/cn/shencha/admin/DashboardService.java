package cn.shencha.admin;

import cn.shencha.exam.Seasons;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The progress of a district's season: cases per status and exam site, overdue reviews, and the days before. */
@Service
@RolesAllowed(Roles.ADMIN)
public class DashboardService {

    static final int HISTORY_DAYS = 60;

    public record SiteLine(String siteCode, String siteName, Map<CaseStatus, Integer> counts, int total,
                           int overdueReviews) {

        public int count(CaseStatus status) {
            return counts.getOrDefault(status, 0);
        }
    }

    /** One day of the chart; the last one is today, counted live. */
    public record DayLine(LocalDate date, Map<CaseStatus, Integer> counts, boolean live) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public record Dashboard(String seasonCode, String districtCode, String districtName, SiteLine district, List<SiteLine> sites,
                            List<DayLine> days, Duration overdueAfter) {
    }

    private final DistrictRepository districts;
    private final ExamSiteRepository sites;
    private final CaseCounter counter;
    private final DailyCountRepository dailyCounts;
    private final Clock clock;
    private final Seasons seasons;

    DashboardService(DistrictRepository districts, ExamSiteRepository sites, CaseCounter counter,
                     DailyCountRepository dailyCounts, Clock clock, Seasons seasons) {
        this.seasons = seasons;
        this.districts = districts;
        this.sites = sites;
        this.counter = counter;
        this.dailyCounts = dailyCounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(String districtCode) {
        return dashboard(null, districtCode);
    }

    /** @param seasonCode the season, {@code null} for the current one */
    @Transactional(readOnly = true)
    public Dashboard dashboard(String seasonCode, String districtCode) {
        String season = seasons.require(seasonCode).getCode();
        District district = districts.findById(districtCode)
                .orElseThrow(() -> ShenchaException.notFound("DISTRICT_NOT_FOUND", districtCode));
        Map<String, CaseCounter.Counts> bySite = counter.bySite(season, districtCode);
        List<SiteLine> siteLines = new ArrayList<>();
        for (ExamSite site : sites.findByDistrictCodeOrderByCode(districtCode)) {
            siteLines.add(line(site.getCode(), site.getName(),
                    bySite.getOrDefault(site.getCode(), new CaseCounter.Counts(Map.of(), 0))));
        }
        CaseCounter.Counts total = CaseCounter.sum(bySite.values());
        SiteLine districtLine = line(districtCode, district.getName(), total);
        return new Dashboard(season, districtCode, district.getName(), districtLine, siteLines,
                days(districtCode, total), counter.overdueAfter());
    }

    private List<DayLine> days(String districtCode, CaseCounter.Counts today) {
        LocalDate todayDate = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        Map<LocalDate, Map<CaseStatus, Integer>> byDay = new TreeMap<>();
        for (DailyCount row : dailyCounts.findByDistrictCodeAndSnapshotDateGreaterThanEqualOrderBySnapshotDate(
                districtCode, todayDate.minusDays(HISTORY_DAYS))) {
            if (row.getSnapshotDate().isBefore(todayDate)) {
                byDay.computeIfAbsent(row.getSnapshotDate(), d -> new EnumMap<>(CaseStatus.class))
                        .merge(row.getStatus(), row.getCandidates(), Integer::sum);
            }
        }
        List<DayLine> days = new ArrayList<>();
        byDay.forEach((date, counts) -> days.add(new DayLine(date, counts, false)));
        Map<CaseStatus, Integer> live = new EnumMap<>(CaseStatus.class);
        live.putAll(today.byStatus());
        days.add(new DayLine(todayDate, live, true));
        return days;
    }

    private static SiteLine line(String code, String name, CaseCounter.Counts counts) {
        return new SiteLine(code, name, counts.byStatus(), counts.total(), counts.overdueReviews());
    }
}
