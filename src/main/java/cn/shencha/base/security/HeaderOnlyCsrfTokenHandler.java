package cn.shencha.base.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The API's CSRF token is taken from its header only, never from a form field: a plain HTML form of another
 * site cannot set a header, even where it managed to plant a cookie of its own on a sibling subdomain.
 */
class HeaderOnlyCsrfTokenHandler extends CsrfTokenRequestAttributeHandler {

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        return request.getHeader(csrfToken.getHeaderName());
    }
}
