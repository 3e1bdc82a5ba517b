package cn.shencha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine creates or upgrades its schema ({@code ACT_*}) while it is built, and nothing in Camunda 7 stops two
 * nodes started at the same moment on an empty database from both running the create scripts: one then fails
 * with "Table ... already exists". On MySQL/MariaDB the build therefore holds a named lock ({@code GET_LOCK})
 * from the end of the configuration (before the schema operations) until the engine is built; the second node
 * waits, then finds the schema in place. The lock belongs to one connection, so a node that dies releases it.
 * The embedded H2 is one node's own database and needs none.
 */
@Component
class EngineSchemaLock implements ProcessEnginePlugin {

    private static final String LOCK = "shencha.engine-schema";
    private static final int WAIT_SECONDS = 600;
    private static final Logger log = LoggerFactory.getLogger(EngineSchemaLock.class);

    private final DataSource dataSource;
    private Connection holder;

    EngineSchemaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
    }

    /** After the configuration (the database type is known), before the engine runs its schema operations. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String type = configuration.getDatabaseType();
        if (!"mysql".equals(type) && !"mariadb".equals(type)) {
            return;
        }
        try {
            holder = dataSource.getConnection();
            try (PreparedStatement lock = holder.prepareStatement("select get_lock(?, ?)")) {
                lock.setString(1, LOCK);
                lock.setInt(2, WAIT_SECONDS);
                try (ResultSet result = lock.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new ProcessEngineException("Another node held the engine schema lock for " + WAIT_SECONDS + " s");
                    }
                }
            }
        } catch (SQLException e) {
            release();
            throw new ProcessEngineException("Cannot take the engine schema lock", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    private void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; PreparedStatement unlock = connection.prepareStatement("select release_lock(?)")) {
            unlock.setString(1, LOCK);
            unlock.execute();
        } catch (SQLException e) {
            // Closing the connection releases the lock too.
            log.warn("Could not release the engine schema lock cleanly: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
