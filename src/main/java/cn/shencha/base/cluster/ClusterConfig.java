package cn.shencha.base.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
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

    /** Times from the database's clock (usingDbTime), so the nodes' own clocks never decide who holds a lock. */
    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource, NodeName node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(node.value())
                .usingDbTime()
                .build());
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
