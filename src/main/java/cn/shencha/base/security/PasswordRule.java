package cn.shencha.base.security;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The one password rule for everybody: candidates at activation, staff through the Camunda engine (its password
 * policy, so /engine-rest/user/{id}/credentials, Tasklist's profile and Admin apply it too) and ADMIN_PASSWORD at
 * start-up. 8 to 64 characters, letters and digits, not one of the 30,000 most common passwords (zxcvbn's list)
 * nor a password this product ships with, and not containing the account's own data (name, registration or ID number).
 */
@Component
public class PasswordRule {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** Passwords known to anyone who has read this product's README or compose file. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("demo2026", "change-me", "changeme", "shencha", "shencha2026", "camunda");

    public enum Violation { LENGTH, LETTERS_AND_DIGITS, COMMON, CONTAINS_NAME }

    private final Set<String> common;

    PasswordRule() {
        try {
            Set<String> words = new HashSet<>(StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary().keySet());
            words.addAll(KNOWN_DEFAULTS);
            this.common = Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password list is missing from the class path", e);
        }
    }

    /**
     * The first rule this password breaks, if any, for an account whose own data (its name, a registration or ID
     * number; null entries are skipped) the password must not contain.
     */
    public Optional<Violation> check(String password, String... personalData) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of(Violation.LENGTH);
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of(Violation.LETTERS_AND_DIGITS);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of(Violation.COMMON);
        }
        for (String data : personalData) {
            if (data != null && data.strip().length() >= 3 && lower.contains(data.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(Violation.CONTAINS_NAME);
            }
        }
        return Optional.empty();
    }

    public boolean accepts(String password, String... personalData) {
        return check(password, personalData).isEmpty();
    }

    /** The same rule as the engine's password policy (placeholders are shown by Camunda's Admin and Tasklist). */
    public PasswordPolicy asEnginePolicy() {
        List<PasswordPolicyRule> rules = List.of(
                engineRule("PASSWORD_POLICY_LENGTH", Map.of("minLength", String.valueOf(MIN_LENGTH)), Violation.LENGTH),
                engineRule("SHENCHA_PASSWORD_LETTERS_AND_DIGITS", Map.of(), Violation.LETTERS_AND_DIGITS),
                engineRule("SHENCHA_PASSWORD_NOT_COMMON", Map.of(), Violation.COMMON),
                engineRule("PASSWORD_POLICY_USER_DATA", Map.of(), Violation.CONTAINS_NAME));
        return () -> rules;
    }

    private PasswordPolicyRule engineRule(String placeholder, Map<String, String> parameters, Violation violation) {
        return new PasswordPolicyRule() {
            @Override
            public String getPlaceholder() {
                return placeholder;
            }

            @Override
            public Map<String, String> getParameters() {
                return parameters;
            }

            @Override
            public boolean execute(String password) {
                return execute(password, null);
            }

            @Override
            public boolean execute(String password, User user) {
                String[] userData = user == null ? new String[0]
                        : new String[] {user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()};
                return check(password, userData).filter(v -> v == violation).isEmpty();
            }
        };
    }
}
