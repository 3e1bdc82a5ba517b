package cn.shencha.base.security;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request comes from, for the sign-in throttle and the log. Tomcat's RemoteIpValve has already
 * replaced the peer's address by the X-Forwarded-For client when the peer is a trusted proxy
 * ({@code TRUSTED_PROXIES}); from anyone else the header is ignored, so a client cannot choose its own address.
 */
public final class ClientAddress {

    /** Outside a request: start-up, demo data, a job. */
    public static final String LOCAL = "local";

    private ClientAddress() {
    }

    /** The current request's, in a controller or a Vaadin view (Spring Security's filters have no request context). */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        VaadinServletRequest vaadin = VaadinServletRequest.getCurrent();
        return vaadin == null ? LOCAL : of(vaadin.getHttpServletRequest());
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? LOCAL : address;
    }
}
