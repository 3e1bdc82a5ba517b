package cn.shencha.base.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One sign-in for everybody: a registration number signs a candidate in, any other name a staff member
 * (Camunda identity). Used by the login page, HTTP Basic on the APIs and /engine-rest/, and the views' sign-in,
 * all throttled by {@link LoginThrottle} on the account and the client's address.
 */
@Component
class ShenchaAuthenticationProvider implements AuthenticationProvider {

    private final CandidateAccounts candidateAccounts;
    private final StaffAccounts staffAccounts;
    private final LoginThrottle throttle;

    ShenchaAuthenticationProvider(CandidateAccounts candidateAccounts, StaffAccounts staffAccounts,
                                  LoginThrottle throttle) {
        this.candidateAccounts = candidateAccounts;
        this.staffAccounts = staffAccounts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : ClientAddress.current();
        if (!throttle.tryAttempt(LoginThrottle.Kind.SIGN_IN, username, source)) {
            throw new LockedException("Too many failed sign-ins from " + source);
        }
        Authentication result;
        try {
            result = isRegistrationNo(username) ? candidate(username, password) : staff(username, password);
        } catch (AuthenticationException refused) {
            throw refused; // a refusal of the account is an attempt like a wrong password: its token stays spent
        } catch (RuntimeException backendFailure) {
            // The database (or another back end) failed before any password was compared: nothing was guessed.
            throttle.refund(LoginThrottle.Kind.SIGN_IN, username, source);
            throw backendFailure;
        }
        if (result == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.recordSuccess(LoginThrottle.Kind.SIGN_IN, username, source);
        return result;
    }

    private Authentication candidate(String registrationNo, String password) {
        return candidateAccounts.authenticate(registrationNo, password)
                .map(c -> ShenchaUser.candidateAuthentication(c.registrationNo(), c.candidateId()))
                .orElse(null);
    }

    private Authentication staff(String userId, String password) {
        if (!staffAccounts.checkPassword(userId, password)) {
            return null;
        }
        StaffScope scope = staffAccounts.scopeOf(userId);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.STAFF));
        if (!scope.siteCodes().isEmpty() || !scope.districtCodes().isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.REVIEWER));
        }
        if (scope.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        return token(ShenchaUser.staff(scope), authorities);
    }

    private static Authentication token(ShenchaUser user, List<GrantedAuthority> authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    static boolean isRegistrationNo(String username) {
        return !username.isEmpty() && username.chars().allMatch(Character::isDigit);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
