package cn.shencha.base.web;

import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * What a failure of our own back end means for the client, read from the exception's causes. The driver's root
 * cause of a lost database connection is often a {@code java.io.EOFException}, which Spring's resolvers take for
 * a client that went away (and answer an empty 200): so the causes are read here, before anyone else guesses.
 */
public enum BackendFailure {

    /** The database cannot be reached (restart, lost connection, no free connection): retry in a few seconds. */
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 10),
    /** The database answered but gave up: a row lock waited for too long, a deadlock, a statement timeout. */
    DATABASE_BUSY(HttpStatus.SERVICE_UNAVAILABLE, 5),
    /** Anything else: a defect of ours. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, 0);

    /** MySQL/MariaDB error codes: lock wait timeout exceeded, deadlock found. */
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final String SQLSTATE_CONNECTION = "08";
    private static final String SQLSTATE_ROLLBACK = "40";

    private final HttpStatus status;
    private final int retryAfterSeconds;

    BackendFailure(HttpStatus status, int retryAfterSeconds) {
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** Seconds for the {@code Retry-After} header, when retrying can help. */
    public Optional<Integer> retryAfterSeconds() {
        return retryAfterSeconds > 0 ? Optional.of(retryAfterSeconds) : Optional.empty();
    }

    public String code() {
        return name();
    }

    public static BackendFailure of(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        if (causes.stream().anyMatch(BackendFailure::isBusy)) {
            return DATABASE_BUSY;
        }
        boolean underDatabaseCall = false;
        for (Throwable cause : causes) {
            // I/O that broke under a database call is the database's connection (the driver's link failure, an EOF)
            if (isUnavailable(cause) || (underDatabaseCall && cause instanceof IOException)) {
                return DATABASE_UNAVAILABLE;
            }
            underDatabaseCall |= cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof TransactionException || cause instanceof PersistenceException;
        }
        return INTERNAL_ERROR;
    }

    /** The failure or a cause of it is a database's (connection, lock or timeout), not a defect of the request. */
    public static boolean isDatabase(Throwable failure) {
        return of(failure) != INTERNAL_ERROR;
    }

    private static boolean isUnavailable(Throwable cause) {
        // A rollback or commit that failed in JDBC: the pool had already closed the broken connection (Hikari's
        // "Connection is closed" has no SQLState), and the original failure is lost behind it.
        if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException) {
            return true;
        }
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(SQLSTATE_CONNECTION);
    }

    private static boolean isBusy(Throwable cause) {
        if (cause instanceof PessimisticLockingFailureException || cause instanceof QueryTimeoutException
                || cause instanceof SQLTimeoutException) {
            return true;
        }
        return cause instanceof SQLException sql && (sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                || sql.getErrorCode() == ER_LOCK_DEADLOCK
                || (sql.getSQLState() != null && sql.getSQLState().startsWith(SQLSTATE_ROLLBACK)));
    }
}
