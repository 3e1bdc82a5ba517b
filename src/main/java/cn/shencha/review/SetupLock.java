package cn.shencha.review;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up set-up of one node at a time: the work runs in a transaction that first locks the {@code startup_lock}
 * row (V74_1), so a node started at the same moment waits, then finds everything in place and creates nothing.
 * The engine's commands join the transaction, so what one node created is committed before the next one looks.
 */
@Component
public class SetupLock {

    static final String ENGINE_SETUP = "engine-setup";
    private static final Logger log = LoggerFactory.getLogger(SetupLock.class);
    /** InnoDB gives up waiting for a row lock after 50 s: a long set-up on the other node is waited for again. */
    private static final int ATTEMPTS = 10;

    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    SetupLock(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.tx = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    public void run(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> {
                    jdbc.queryForObject("select name from startup_lock where name = ? for update", String.class, ENGINE_SETUP);
                    work.run();
                });
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("{}: another node is still setting up, waiting again ({})", what, e.getMessage());
            }
        }
    }
}
