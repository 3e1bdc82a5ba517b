package cn.shencha.base.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in from a view, through the same authentication manager as the login form (so the same
 * provider and the same throttle apply): used right after activation, so that the candidate goes straight
 * on to the upload page as the manuals describe. A new session id guards against session fixation.
 */
@Component
class UiSignIn {

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    UiSignIn(AuthenticationConfiguration configuration) throws Exception {
        this.authenticationManager = configuration.getAuthenticationManager();
    }

    /** @return whether the user is now signed in */
    boolean signIn(String username, String password) {
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException e) {
            return false;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            request.getHttpServletRequest().changeSessionId();
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
        return true;
    }
}
