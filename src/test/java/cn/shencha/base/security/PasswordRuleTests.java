package cn.shencha.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.PasswordRule.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one password rule, with zxcvbn's real list. */
class PasswordRuleTests {

    private final PasswordRule rule = new PasswordRule();

    @Test
    void everyPieceOfTheAccountsOwnDataIsRefusedWhateverItsCase() {
        String registrationNo = "120126000001";
        String idNumber = "11010119900101123X";
        assertThat(rule.check("Ab" + registrationNo, registrationNo, idNumber)).contains(Violation.CONTAINS_NAME);
        // The ID number's check character typed in lower case: before the fix the service compared case-sensitively.
        assertThat(rule.check("pw" + idNumber.toLowerCase(), registrationNo, idNumber)).contains(Violation.CONTAINS_NAME);
        assertThat(rule.check("Kq7mWz2026", registrationNo, null, idNumber)).isEmpty();
    }

    @Test
    void commonAndShippedPasswordsAndShortOnesAreRefused() {
        assertThat(rule.check("password1", "someone")).contains(Violation.COMMON);
        assertThat(rule.check("Demo2026", "someone")).contains(Violation.COMMON);
        assertThat(rule.check("abc12", "someone")).contains(Violation.LENGTH);
        assertThat(rule.check("abcdefghij", "someone")).contains(Violation.LETTERS_AND_DIGITS);
        assertThat(rule.check(null)).isEqualTo(Optional.of(Violation.LENGTH));
    }
}
