package cn.shencha.base.web;

import cn.shencha.base.i18n.Messages;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The problem+json answers of the API: one shape, a stable code per kind of error, the detail in the user's language. */
@Component
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Codes for the HTTP errors that are not our own refusals (see docs/operations.md). */
    private static final Map<Integer, String> CODES_BY_STATUS = Map.of(
            400, "INVALID_REQUEST",
            401, "UNAUTHENTICATED",
            403, "FORBIDDEN",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            406, "NOT_ACCEPTABLE",
            413, "FILE_TOO_LARGE",
            415, "UNSUPPORTED_MEDIA_TYPE");

    private final Messages messages;

    ApiProblems(Messages messages) {
        this.messages = messages;
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shencha.cn/problems/" + code.toLowerCase().replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? String.valueOf(status.value()) : known.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /** A client error (4xx) by its status alone. */
    ProblemDetail forStatus(HttpStatusCode status) {
        String code = CODES_BY_STATUS.getOrDefault(status.value(),
                status.is4xxClientError() ? "INVALID_REQUEST" : BackendFailure.INTERNAL_ERROR.code());
        return problem(status, code, messages.get("error." + code));
    }

    /** A failure of the back end, logged at ERROR with its cause: 503 and Retry-After for the database, else 500. */
    ResponseEntity<ProblemDetail> failure(Throwable error, String where) {
        BackendFailure failure = BackendFailure.of(error);
        log.error("{}: {}", where, failure.code(), error);
        ProblemDetail problem = problem(failure.status(), failure.code(), messages.get("error." + failure.code()));
        HttpHeaders headers = problemJson(new HttpHeaders());
        failure.retryAfterSeconds().ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        return ResponseEntity.status(failure.status()).headers(headers).body(problem);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }
}
