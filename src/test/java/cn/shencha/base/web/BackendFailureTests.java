package cn.shencha.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** How the causes of a failure are read; the failures themselves are produced for real in DatabaseFailureMariaDbTests. */
class BackendFailureTests {

    private static final EOFException LOST = new EOFException("Can not read response from server.");

    @Test
    void aTransactionThatCannotBeginBecauseTheConnectionIsLostIsTheDatabaseUnavailable() {
        SQLException link = new SQLException("Communications link failure", "08S01", 0, LOST);
        assertThat(BackendFailure.of(new CannotCreateTransactionException("Could not open JPA EntityManager", link)))
                .isEqualTo(BackendFailure.DATABASE_UNAVAILABLE);
        assertThat(BackendFailure.of(new SQLTransientConnectionException("Connection is not available")))
                .isEqualTo(BackendFailure.DATABASE_UNAVAILABLE);
    }

    @Test
    void anEofUnderADatabaseCallIsTheDatabaseAndAFailedRollbackToo() {
        assertThat(BackendFailure.of(new IllegalStateException(new SQLException("failed", null, 0, LOST))))
                .isEqualTo(BackendFailure.DATABASE_UNAVAILABLE);
        assertThat(BackendFailure.of(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .isEqualTo(BackendFailure.DATABASE_UNAVAILABLE);
    }

    @Test
    void lockTimeoutsAndDeadlocksAreTheDatabaseBusyEvenBehindOtherCauses() {
        assertThat(BackendFailure.of(new CannotAcquireLockException("lock", new SQLException("Lock wait timeout", "40001", 1205))))
                .isEqualTo(BackendFailure.DATABASE_BUSY);
        assertThat(BackendFailure.of(new RuntimeException(new SQLException("Deadlock found", "40001", 1213))))
                .isEqualTo(BackendFailure.DATABASE_BUSY);
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertThat(BackendFailure.of(new IllegalStateException("a defect"))).isEqualTo(BackendFailure.INTERNAL_ERROR);
        assertThat(BackendFailure.of(new java.io.UncheckedIOException(LOST))).isEqualTo(BackendFailure.INTERNAL_ERROR);
        assertThat(BackendFailure.of(new SQLException("Unknown column", "42S22", 1054))).isEqualTo(BackendFailure.INTERNAL_ERROR);
        assertThat(BackendFailure.INTERNAL_ERROR.retryAfterSeconds()).isEmpty();
        assertThat(BackendFailure.DATABASE_UNAVAILABLE.retryAfterSeconds()).contains(10);
    }
}
