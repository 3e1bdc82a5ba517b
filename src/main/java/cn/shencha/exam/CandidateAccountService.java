package cn.shencha.exam;

import cn.shencha.base.security.LoginThrottle;
import cn.shencha.base.web.ShenchaException;
import org.springframework.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate's account: first-time activation with the registration number and ID number
 * (the manuals' "使用考试报名系统的账号进行授权"), then sign-in with the password chosen then.
 */
@Service
public class CandidateAccountService {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final CandidateRepository candidates;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginThrottle throttle;

    CandidateAccountService(CandidateRepository candidates, PasswordEncoder passwordEncoder, Clock clock,
                            LoginThrottle throttle) {
        this.candidates = candidates;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.throttle = throttle;
    }

    @Transactional
    public Candidate activate(String registrationNo, String idNumber, String password) {
        // Guessing ID numbers is slowed down like guessing passwords: 5 misses lock the number for a while.
        String throttleKey = "activation:" + trim(registrationNo);
        if (throttle.isLocked(throttleKey)) {
            throw new ShenchaException("TOO_MANY_ATTEMPTS", HttpStatus.TOO_MANY_REQUESTS);
        }
        Candidate candidate = candidates.findByRegistrationNo(trim(registrationNo))
                .filter(c -> c.getIdNumber().equalsIgnoreCase(trim(idNumber)))
                .orElse(null);
        if (candidate == null) {
            throttle.recordFailure(throttleKey);
            // One message for an unknown number and a wrong ID number: neither is revealed.
            throw ShenchaException.badRequest("ACTIVATION_MISMATCH");
        }
        throttle.recordSuccess(throttleKey);
        if (candidate.isActivated()) {
            throw ShenchaException.conflict("ALREADY_ACTIVATED");
        }
        if (!isStrongEnough(password)) {
            throw ShenchaException.badRequest("WEAK_PASSWORD", MIN_PASSWORD_LENGTH);
        }
        candidate.activate(passwordEncoder.encode(password), clock.instant());
        return candidate;
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> authenticate(String registrationNo, String password) {
        return candidates.findByRegistrationNo(trim(registrationNo))
                .filter(Candidate::isActivated)
                .filter(c -> password != null && passwordEncoder.matches(password, c.getPasswordHash()));
    }

    @Transactional(readOnly = true)
    public boolean isRegisteredButNotActivated(String registrationNo) {
        return candidates.findByRegistrationNo(trim(registrationNo)).map(c -> !c.isActivated()).orElse(false);
    }

    static boolean isStrongEnough(String password) {
        return password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= 64
                && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
