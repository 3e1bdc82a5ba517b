package cn.shencha.base.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The session's CSRF token, for API clients that use the session instead of HTTP Basic (and for activation). */
@RestController
@Tag(name = "Candidate API v1")
class CsrfTokenController {

    record Token(String headerName, String token) {
    }

    @GetMapping("/api/v1/csrf")
    @Operation(summary = "The CSRF token of this session (also set as the SHENCHA-XSRF-TOKEN cookie): send it in the "
            + "X-SHENCHA-XSRF-TOKEN header with every POST, PUT and DELETE that relies on the session cookie")
    Token token(CsrfToken token) {
        return new Token(token.getHeaderName(), token.getToken());
    }
}
