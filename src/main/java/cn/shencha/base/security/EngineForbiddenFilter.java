package cn.shencha.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST answers a refused call with its AuthorizationException: "The user 'x' does not have 'READ'
 * permission on resource '&lt;process instance id&gt;'…", naming instances (and so cases) of other sites and districts.
 * For anyone but an administrator, the body of a 403 from /engine-rest/ or the webapps' engine API is replaced by
 * the generic problem of the other refusals (plus Camunda's "message" field, which Tasklist shows). A response
 * wrapper rather than a Jersey exception mapper: the webapps' engine API is a Jersey application of its own that
 * the app cannot configure. Other answers pass untouched (buffered: a reviewer's engine answers are small).
 */
class EngineForbiddenFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentUser.get().map(u -> u.isStaff() && u.staffScope().admin()).orElse(false)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            buffered.resetBuffer();
            SecurityConfig.writeProblem(buffered, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", SecurityConfig.FORBIDDEN,
                    Map.of("message", SecurityConfig.FORBIDDEN));
        }
        buffered.copyBodyToResponse();
    }
}
