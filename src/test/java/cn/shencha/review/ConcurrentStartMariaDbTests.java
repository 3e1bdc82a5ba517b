package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.Application;
import cn.shencha.base.cluster.ClusterTasks;
import cn.shencha.bench.BenchApplication;
import cn.shencha.support.MariaDbUrls;
import cn.shencha.support.TestPorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at the same moment on one empty MariaDB database (a fresh one per run, dropped after): both
 * start, and the start-up set-up (process deployment, Tasklist filters, staff groups and grants, the administrator,
 * engine indexes) exists once. Then both nodes' schedulers tick a periodic task every second, and it runs once per
 * period in the cluster, not once per node ({@link ClusterTasks}).
 */
@Tag("mariadb")
class ConcurrentStartMariaDbTests {

    private final String database = MariaDbUrls.scratchDatabase();
    private final String url = MariaDbUrls.withDatabase(MariaDbUrls.testUrl(), database);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodesAndDropTheDatabase() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
    }

    @BeforeEach
    void emptyDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(MariaDbUrls.testUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
    }

    @Test
    void twoNodesStartedAtOnceBothStartAndSetUpEverythingOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                int port = TestPorts.free() + node;
                starts.add(starters.submit(() -> {
                    together.await();
                    return start(port);
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> start : starts) {
                try {
                    nodes.add(start.get(10, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("nodes that failed to start").isEmpty();
        } finally {
            starters.shutdownNow();
        }

        JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("select NAME_ from ACT_RU_FILTER group by NAME_ having count(*) > 1", String.class))
                .as("Tasklist filters created twice").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_FILTER", Integer.class))
                .isEqualTo(ReviewFilters.Spec.values().length);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF where KEY_ = ?", Integer.class,
                MaterialReviewProcess.KEY)).as("process versions").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'startadmin'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct INDEX_NAME) from information_schema.STATISTICS"
                + " where TABLE_SCHEMA = database() and INDEX_NAME like 'SHENCHA%'", Integer.class))
                .isEqualTo(EngineIndexes.INDEXES.size());
        // Both nodes work: each reads what the other may have created.
        for (ConfigurableApplicationContext node : nodes) {
            assertThat(node.getBean(ReviewFilters.class).reviewerFilterIds()).hasSize(
                    (int) java.util.Arrays.stream(ReviewFilters.Spec.values()).filter(spec -> !spec.adminOnly).count());
        }

        // The image sweeper ticks every second on each node (SWEEP_EVERY): one of them sweeps per second, not both.
        ClusterTasks first = nodes.get(0).getBean(ClusterTasks.class);
        ClusterTasks second = nodes.get(1).getBean(ClusterTasks.class);
        long before = first.runsHere(SWEEPER) + second.runsHere(SWEEPER);
        long start = System.nanoTime();
        Thread.sleep(12_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        long runs = first.runsHere(SWEEPER) + second.runsHere(SWEEPER) - before;
        // Each node alone would sweep about once a second (fixed delay), both together twice as often; the lock
        // holds nine tenths of the period, so the cluster sweeps at most once per 0.9 s, and at least once per
        // period and a half (the next tick of either node after the lock ends).
        assertThat(runs).as("sweeps in %.1f s by both nodes", seconds)
                .isLessThanOrEqualTo((long) (seconds / 0.9) + 1)
                .isGreaterThanOrEqualTo((long) (seconds / 1.5) - 1);
        assertThat(first.node()).isNotEqualTo(second.node());
        assertThat(jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class, SWEEPER))
                .isIn(first.node().value(), second.node().value());
    }

    private static final String SWEEPER = "image-sweeper";

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test", "mysql", "mariadb")
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testConfigurationFilter", new BenchApplication.TestConfigurationFilter()))
                // as command-line arguments: they win over the profiles' files and SHENCHA_TEST_DB_URL
                .run("--spring.datasource.url=" + url, "--server.port=" + port, "--shencha.cluster.node-name=node" + port,
                        "--ADMIN_USERNAME=startadmin", "--ADMIN_PASSWORD=Start2026pw",
                        "--shencha.storage.dir=target/test-images-start",
                        "--shencha.materials.sweep-initial-delay=PT1S", "--shencha.materials.sweep-interval=PT1S");
    }
}
