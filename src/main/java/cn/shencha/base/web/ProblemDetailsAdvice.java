package cn.shencha.base.web;

import cn.shencha.base.i18n.Messages;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every API error as application/problem+json with a stable {@code code} and a localized {@code detail}. */
@RestControllerAdvice(basePackages = "cn.shencha")
class ProblemDetailsAdvice {

    private final Messages messages;

    ProblemDetailsAdvice(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ShenchaException.class)
    ResponseEntity<ProblemDetail> refused(ShenchaException e) {
        ProblemDetail problem = problem(e.getStatus(), e.getCode(), messages.describe(e));
        if (!e.getDetails().isEmpty()) {
            problem.setProperty("items", e.getDetails());
        }
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", messages.get("error.INVALID_REQUEST"));
        problem.setProperty("fields", e.getBindingResult().getFieldErrors().stream().map(f -> f.getField()).toList());
        return respond(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", messages.get("error.FILE_TOO_LARGE")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "FORBIDDEN", messages.get("error.FORBIDDEN")));
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://shencha.cn/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
