package cn.shencha.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ADMIN_PASSWORD (the administrator set at every start) must follow the password rule like every other password:
 * the app refuses to start with "admin", "Demo2026" or "change-me", and says why.
 */
@Component
class AdminPasswordCheck {

    AdminPasswordCheck(PasswordRule rule, @Value("${ADMIN_USERNAME:}") String adminUsername,
                       @Value("${ADMIN_PASSWORD:}") String adminPassword) {
        if (!adminUsername.isBlank() && !adminPassword.isBlank()) {
            rule.check(adminPassword, adminUsername.strip()).ifPresent(violation -> {
                throw new IllegalStateException("ADMIN_PASSWORD does not follow the password rule (" + violation
                        + "): " + PasswordRule.MIN_LENGTH + " to " + PasswordRule.MAX_LENGTH
                        + " characters, letters and digits, not a common or published password, not the user name.");
            });
        }
    }
}
