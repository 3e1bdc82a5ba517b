package cn.shencha.base.web;

import cn.shencha.base.i18n.Messages;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as application/problem+json with a stable {@code code} and a localized {@code detail}: our
 * refusals, Spring MVC's own (bad request, unknown path, wrong method, ...) and, last, any other failure, which
 * is the back end's: 503 with {@code Retry-After} when the database is unavailable or busy, 500 otherwise,
 * logged at ERROR. Errors outside the controllers (e.g. signing in) are answered by {@link ApiErrorController}.
 */
@RestControllerAdvice(basePackages = "cn.shencha")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Messages messages;
    private final ApiProblems problems;

    ProblemDetailsAdvice(Messages messages, ApiProblems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(ShenchaException.class)
    ResponseEntity<ProblemDetail> refused(ShenchaException e) {
        ProblemDetail problem = ApiProblems.problem(e.getStatus(), e.getCode(), messages.describe(e));
        if (!e.getDetails().isEmpty()) {
            problem.setProperty("items", e.getDetails());
        }
        return ApiProblems.respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ApiProblems.respond(problems.forStatus(HttpStatus.FORBIDDEN));
    }

    /** Another request or a timer changed the same rows first: nothing was saved, the client may retry. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e, WebRequest request) {
        log.warn("{}: concurrent change ({})", request.getDescription(false), e.getMessage());
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                messages.get("error.CONCURRENT_CHANGE")));
    }

    /** Method security on an endpoint open to everybody: the caller must sign in, as the URL rules would say. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shencha\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problems.forStatus(HttpStatus.UNAUTHORIZED));
    }

    /**
     * The back end failed: never a 2xx, never an empty body, whatever the root cause looks like. Only a client that
     * really went away (its connection broke while we wrote, not the database's) gets no answer: there is nobody
     * to read it, and it is not our failure, so it is not logged as one.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception e, WebRequest request) {
        if (BackendFailure.of(e) == BackendFailure.INTERNAL_ERROR && DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("{}: the client went away ({})", request.getDescription(false), e.toString());
            return null;
        }
        return problems.failure(e, request.getDescription(false));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.forStatus(HttpStatus.BAD_REQUEST);
        problem.setProperty("fields", e.getBindingResult().getFieldErrors().stream().map(f -> f.getField()).toList());
        return ResponseEntity.status(problem.getStatus()).headers(ApiProblems.problemJson(headers)).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, null, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** Spring MVC's own errors: the same problem shape with a code for the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            ResponseEntity<ProblemDetail> failure = problems.failure(e, request.getDescription(false));
            return ResponseEntity.status(failure.getStatusCode()).headers(failure.getHeaders()).body(failure.getBody());
        }
        return ResponseEntity.status(status).headers(ApiProblems.problemJson(headers)).body(problems.forStatus(status));
    }
}
