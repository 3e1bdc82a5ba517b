package cn.shencha.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Hands the staff member that Spring Security authenticated to the Camunda webapps and /engine-rest/,
 * with their Camunda groups, so that Camunda's authorizations apply to them. Candidates get nothing.
 */
public class SpringSecurityCamundaAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.get()
                .filter(ShenchaUser::isStaff)
                .map(user -> {
                    AuthenticationResult result = AuthenticationResult.successful(user.username());
                    result.setGroups(new ArrayList<>(engine.getIdentityService().createGroupQuery()
                            .groupMember(user.username()).list().stream().map(g -> g.getId()).toList()));
                    return result;
                })
                .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security already answered the challenge.
    }
}
