package cn.shencha.admin;

import cn.shencha.base.cluster.ClusterTasks;
import cn.shencha.exam.Seasons;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each evening how many cases every exam site has per status, so the dashboard can chart the season.
 * Writing the same day again overwrites it (a manual run does no harm); with several nodes one of them writes it
 * ({@link ClusterTasks}: the lock is held for an hour, far longer than the nodes' clocks and ticks differ).
 */
@Component
class DailySnapshots {

    private static final Logger log = LoggerFactory.getLogger(DailySnapshots.class);

    private final DistrictRepository districts;
    private final CaseCounter counter;
    private final DailyCountRepository dailyCounts;
    private final Clock clock;
    private final ClusterTasks clusterTasks;
    private final TransactionTemplate tx;
    private final Seasons seasons;

    DailySnapshots(DistrictRepository districts, CaseCounter counter, DailyCountRepository dailyCounts, Clock clock,
                   ClusterTasks clusterTasks, PlatformTransactionManager transactionManager, Seasons seasons) {
        this.seasons = seasons;
        this.districts = districts;
        this.counter = counter;
        this.dailyCounts = dailyCounts;
        this.clock = clock;
        this.clusterTasks = clusterTasks;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${shencha.admin.snapshot-cron:0 55 23 * * *}", zone = "Asia/Shanghai")
    void recordOnSchedule() {
        clusterTasks.runOnce("daily-snapshots", Duration.ofHours(1), Duration.ofMinutes(10),
                () -> tx.executeWithoutResult(status -> recordToday()));
    }

    @Transactional
    public void recordToday() {
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        for (District district : districts.findAll()) {
            record(district.getCode(), today);
        }
        log.info("Dashboard counts of {} recorded", today);
    }

    @Transactional
    public void record(String districtCode, LocalDate date) {
        Map<String, DailyCount> existing = new HashMap<>();
        dailyCounts.findBySnapshotDateAndDistrictCode(date, districtCode)
                .forEach(row -> existing.put(row.getSiteCode() + "/" + row.getStatus(), row));
        // The current season's cases: a day belongs to the season that is running then.
        counter.bySite(seasons.currentCode(), districtCode).forEach((site, counts) -> {
            for (CaseStatus status : CaseStatus.values()) {
                int n = counts.of(status);
                DailyCount row = existing.remove(site + "/" + status);
                if (row != null) {
                    row.setCandidates(n);
                } else if (n > 0) {
                    dailyCounts.save(new DailyCount(date, districtCode, site, status, n));
                }
            }
        });
        existing.values().forEach(row -> row.setCandidates(0));
    }
}
