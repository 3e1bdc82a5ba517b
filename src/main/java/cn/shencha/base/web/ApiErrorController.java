package cn.shencha.base.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring Boot's error page, with one change: an error of an {@code /api/} request that no controller answered
 * (a failure while signing in, an unknown path) is problem+json with a code, like every other API error,
 * instead of Boot's {@code {"status":500,"error":"Internal Server Error"}}. Other paths keep Boot's answer.
 */
@Controller
class ApiErrorController extends BasicErrorController {

    private final ErrorAttributes errorAttributes;
    private final ApiProblems problems;

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers,
                       ApiProblems problems) {
        super(errorAttributes, server.getError(), resolvers);
        this.errorAttributes = errorAttributes;
        this.problems = problems;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            return super.error(request);
        }
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        HttpStatus status = getStatus(request);
        ResponseEntity<ProblemDetail> answer = status.is4xxClientError()
                ? ApiProblems.respond(problems.forStatus(status))
                : problems.failure(error != null ? error : new IllegalStateException(status.toString()), path);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(asMap(answer.getBody()));
    }

    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
