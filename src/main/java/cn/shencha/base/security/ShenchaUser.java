package cn.shencha.base.security;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is asking: a candidate (by registration number, with their candidate id) or a staff member
 * (Camunda user, with their review scope).
 */
public record ShenchaUser(String username, Kind kind, Long candidateId, StaffScope staffScope)
        implements AuthenticatedPrincipal, Serializable {

    public enum Kind { CANDIDATE, STAFF }

    public static ShenchaUser candidate(String registrationNo, Long candidateId) {
        return new ShenchaUser(registrationNo, Kind.CANDIDATE, candidateId, null);
    }

    public static ShenchaUser staff(StaffScope scope) {
        return new ShenchaUser(scope.userId(), Kind.STAFF, null, scope);
    }

    public boolean isCandidate() {
        return kind == Kind.CANDIDATE;
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    @Override
    public String getName() {
        return username;
    }

    /** A candidate signed in: after the password check, or right after activation (which proved who it is). */
    public static org.springframework.security.core.Authentication candidateAuthentication(String registrationNo,
                                                                                          Long candidateId) {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                candidate(registrationNo, candidateId), null,
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + Roles.CANDIDATE)));
    }
}
