package cn.shencha.base.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the user must understand: a stable {@code code} for clients, a message key
 * ({@code error.<code>}) resolved in the user's language, and an HTTP status for the API.
 */
public class ShenchaException extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final transient Object[] args;
    private final List<String> details;

    public ShenchaException(String code, HttpStatus status, Object... args) {
        this(code, status, List.of(), args);
    }

    public ShenchaException(String code, HttpStatus status, List<String> details, Object... args) {
        super(code);
        this.code = code;
        this.status = status;
        this.args = args;
        this.details = List.copyOf(details);
    }

    public static ShenchaException notFound(String code, Object... args) {
        return new ShenchaException(code, HttpStatus.NOT_FOUND, args);
    }

    public static ShenchaException conflict(String code, Object... args) {
        return new ShenchaException(code, HttpStatus.CONFLICT, args);
    }

    /** The image store refused a write: retry later (503), nothing was recorded. */
    public static ShenchaException storageFailed() {
        return new ShenchaException("STORAGE_FAILED", HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** The image store could not be read: retry later (503). */
    public static ShenchaException storageUnavailable() {
        return new ShenchaException("STORAGE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE);
    }

    public static ShenchaException badRequest(String code, Object... args) {
        return new ShenchaException(code, HttpStatus.BAD_REQUEST, args);
    }

    public String getCode() {
        return code;
    }

    public HttpStatus getStatus() {
        return status;
    }

    public Object[] getArgs() {
        return args;
    }

    /** Further lines for the user, already in their language (e.g. the names of missing materials). */
    public List<String> getDetails() {
        return details;
    }

    public String messageKey() {
        return "error." + code;
    }
}
