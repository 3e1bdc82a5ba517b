package cn.shencha.retention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.Application;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.exam.ExamCategories;
import cn.shencha.exam.ExamSite;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.IdNumbers;
import cn.shencha.exam.SeasonSchedule;
import cn.shencha.exam.SeasonScheduleRepository;
import cn.shencha.exam.Seasons;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.MaterialUploadService;
import cn.shencha.materials.StandardCatalog;
import cn.shencha.materials.TestImages;
import cn.shencha.review.CandidateProcessStarter;
import cn.shencha.review.ReviewerGroups;
import cn.shencha.review.SubmissionService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The restore drill (deploy/restore-drill.sh) as an operator runs it: a database with candidates, uploaded images and
 * open review tasks, the app started on it by the drill, backed up, wiped, restored, checked and started again.
 * The data is made first by the app's own services (one start of the app with the test profile, closed again); the
 * drill's app runs in a JVM of its own on the same database and image directory.
 */
abstract class RestoreDrillContract {

    static final String DISTRICT = "48";
    static final String SITE = "4801";
    static final int CANDIDATES = 3;
    static final int SUBMITTED = 2;

    /** The app's settings for this database (JDBC URL, profiles), as --name=value arguments. */
    abstract List<String> databaseArguments();

    /** The drill's settings for this database (DRILL_DB and its own). */
    abstract Map<String, String> drillEnvironment();

    /** A database of the drill's own, empty. */
    abstract void freshDatabase() throws Exception;

    /** The profiles of the drill's app: the demo on H2, production's mysql on MariaDB. */
    abstract String appProfiles();

    /** This helper's own ports (18100-18199): the drill's app, and the seeding start. */
    abstract int appPort();

    Path work;
    Path images;

    void runDrill() throws Exception {
        work = Path.of("target", "restore-drill", getClass().getSimpleName()).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        images = work.resolve("images");
        Files.createDirectories(images);
        freshDatabase();
        int uploaded = seed();

        int port = appPort();
        List<String> app = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                Application.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--shencha.storage.dir=" + images, "--logging.level.root=WARN"));
        app.addAll(databaseArguments());
        ProcessBuilder drill = new ProcessBuilder("bash", "deploy/restore-drill.sh").redirectErrorStream(true)
                .redirectOutput(work.resolve("drill.log").toFile());
        drill.environment().putAll(drillEnvironment());
        drill.environment().put("SPRING_PROFILES_ACTIVE", appProfiles());
        drill.environment().put("SHENCHA_STORAGE_DIR", images.toString());
        drill.environment().put("APP_CMD", String.join(" ", app));
        drill.environment().put("APP_URL", "http://127.0.0.1:" + port);
        drill.environment().put("DRILL_DIR", work.resolve("drill").toString());
        drill.environment().put("DRILL_WAIT_SECONDS", "600");
        Process process = drill.start();
        boolean ended = process.waitFor(25, TimeUnit.MINUTES);
        String log = Files.readString(work.resolve("drill.log"), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        // The figures the drill compared are the data made above (and, on H2, the demo's own candidates).
        String after = Files.readString(work.resolve("drill").resolve("after.counts"));
        assertThat(after).contains("images " + uploaded + "\n", "open-tasks " + SUBMITTED + "\n", "files-missing 0\n",
                "files-different 0\n");
        assertThat(Files.readString(work.resolve("drill").resolve("before.counts"))).isEqualTo(after);
        assertThat(log).contains("restore drill: passed");
    }

    /** Candidates with every required image uploaded through the pipeline, two of them submitted (open site tasks). */
    private int seed() {
        List<String> args = new ArrayList<>(List.of("--server.port=" + (appPort() + 1), "--shencha.storage.dir=" + images,
                "--logging.level.root=WARN"));
        args.addAll(databaseArguments());
        int uploaded = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles(seedProfiles()).run(args.toArray(String[]::new))) {
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            Seasons seasons = context.getBean(Seasons.class);
            Instant now = context.getBean(Clock.class).instant();
            String season = seasons.currentCode();
            tx.executeWithoutResult(s -> {
                context.getBean(DistrictRepository.class).save(new District(DISTRICT, "演练考区"));
                context.getBean(ExamSiteRepository.class).save(new ExamSite(SITE, DISTRICT, "演练考点"));
                context.getBean(SeasonScheduleRepository.class).save(new SeasonSchedule(season, DISTRICT,
                        new DistrictSchedule(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                                now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(50)))));
            });
            context.getBean(StandardCatalog.class).seed(season, DISTRICT);
            context.getBean(ReviewerGroups.class).ensureAll();
            MaterialTypeRepository types = context.getBean(MaterialTypeRepository.class);
            for (int i = 0; i < CANDIDATES; i++) {
                int n = i;
                Candidate candidate = tx.execute(s -> {
                    Candidate c = context.getBean(CandidateRepository.class).save(new Candidate(season,
                            SITE + "2600000" + n, "演练考生", IdNumbers.withCheckCharacter("4801011990010100" + n),
                            "1390000000" + n, ExamCategories.CLINICAL, DISTRICT, SITE, now));
                    context.getBean(CandidateProcessStarter.class).start(c);
                    return c;
                });
                for (MaterialType type : types.catalogOf(candidate)) {
                    if (type.isRequiredFor(ExamCategories.CLINICAL)) {
                        for (int slot = 0; slot < Math.max(1, type.getMinCount()); slot++) {
                            context.getBean(MaterialUploadService.class).upload(candidate.getId(), type.getCode(),
                                    "photo.jpg", TestImages.jpeg(TestImages.document(900, 600, 31L * n + slot + type.getId()),
                                            0.85f), Locale.SIMPLIFIED_CHINESE);
                            uploaded++;
                        }
                    }
                }
                if (i < SUBMITTED) {
                    context.getBean(SubmissionService.class).submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);
                }
            }
        }
        return uploaded;
    }

    /** The profiles of the seeding start (the demo on H2; test, without job executor, on MariaDB). */
    abstract String[] seedProfiles();

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
