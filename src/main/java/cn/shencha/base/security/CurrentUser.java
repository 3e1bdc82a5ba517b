package cn.shencha.base.security;

import cn.shencha.base.web.ShenchaException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the current request or Vaadin session. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ShenchaUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ShenchaUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static ShenchaUser require() {
        return get().orElseThrow(() -> new ShenchaException("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED));
    }

    /** The candidate id of the signed-in candidate; anyone else is refused. */
    public static Long candidateId() {
        ShenchaUser user = require();
        if (!user.isCandidate()) {
            throw new ShenchaException("FORBIDDEN", HttpStatus.FORBIDDEN);
        }
        return user.candidateId();
    }

    public static StaffScope staffScope() {
        ShenchaUser user = require();
        if (!user.isStaff()) {
            throw new ShenchaException("FORBIDDEN", HttpStatus.FORBIDDEN);
        }
        return user.staffScope();
    }
}
