package cn.shencha.base.cluster;

import java.util.Locale;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.DatabaseProduct;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What makes several app nodes on one database one cluster: the node's name, the periodic tasks' locks (ShedLock,
 * table {@code shedlock}, V75_1) and the name in the engine's job locks. The engine's job executor itself needs
 * nothing else: every node acquires jobs from the shared {@code ACT_RU_JOB} and optimistic locking runs each once.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfig {

    @Bean
    NodeName nodeName(@Value("${shencha.cluster.node-name:}") String configured) {
        return NodeName.configuredOr(configured);
    }

    /**
     * Times from the database's clock (usingDbTime), so the nodes' own clocks never decide who holds a lock. The
     * database product comes from the configured URL: left to ShedLock, it is detected on the first lock through a
     * connection, and while the database is down that detection fails and every tick logs "DB time is not supported
     * for unknown database product" instead of the connection failure.
     */
    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource, NodeName node,
                                       @Value("${spring.datasource.url:}") String jdbcUrl) {
        return new JdbcTemplateLockProvider(lockConfiguration(dataSource, node, jdbcUrl));
    }

    static JdbcTemplateLockProvider.Configuration lockConfiguration(DataSource dataSource, NodeName node, String jdbcUrl) {
        JdbcTemplateLockProvider.Configuration.Builder builder = JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(node.value())
                .usingDbTime();
        DatabaseProduct product = databaseProduct(jdbcUrl);
        if (product != null) {
            builder.withDatabaseProduct(product);
        }
        return builder.build();
    }

    /**
     * The database behind a JDBC URL, for the products this app runs on; null for any other (ShedLock detects it).
     * Connector/J on MariaDB is MySQL to ShedLock too: the same SQL for the database's time.
     */
    static DatabaseProduct databaseProduct(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String url = jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:mysql:")) {
            return DatabaseProduct.MY_SQL;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return DatabaseProduct.MARIA_DB;
        }
        if (url.startsWith("jdbc:h2:")) {
            return DatabaseProduct.H2;
        }
        return null;
    }

    @Bean
    ClusterTasks clusterTasks(LockProvider schedulerLockProvider, NodeName node) {
        return new ClusterTasks(new DefaultLockingTaskExecutor(schedulerLockProvider), node);
    }

    /**
     * The engine's job locks and its history/metrics records name this node: {@code ACT_RU_JOB.LOCK_OWNER_} tells
     * which node holds a job until its lock ends ({@code camunda.bpm.job-execution.lock-time-in-millis}).
     */
    @Bean
    ProcessEnginePlugin nodeNameEnginePlugin(NodeName node) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setHostname(node.value());
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getJobExecutor() != null) {
                    configuration.getJobExecutor().setLockOwner(node.value());
                }
            }
        };
    }
}
