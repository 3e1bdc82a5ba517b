package cn.shencha.exam;

import cn.shencha.exam.Seasons;
import cn.shencha.base.security.ClientAddress;
import cn.shencha.base.security.LoginThrottle;
import cn.shencha.base.security.PasswordRule;
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

    private final CandidateRepository candidates;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final PasswordRule passwordRule;
    /** Checked when there is no hash to check (unknown or not activated number): the answer takes as long. */
    private final String dummyHash;
    private final Seasons seasons;

    CandidateAccountService(CandidateRepository candidates, PasswordEncoder passwordEncoder, Clock clock,
                            LoginThrottle throttle, PasswordRule passwordRule, Seasons seasons) {
        this.seasons = seasons;
        this.candidates = candidates;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.throttle = throttle;
        this.passwordRule = passwordRule;
        this.dummyHash = passwordEncoder.encode("no account has this password " + System.nanoTime());
    }

    @Transactional
    public Candidate activate(String registrationNo, String idNumber, String password) {
        // Guessing ID numbers is slowed down like guessing passwords, by number and by the client's address.
        String number = trim(registrationNo);
        String source = ClientAddress.current();
        if (!throttle.tryAttempt(LoginThrottle.Kind.ACTIVATION, number, source)) {
            throw new ShenchaException("TOO_MANY_ATTEMPTS", HttpStatus.TOO_MANY_REQUESTS);
        }
        Candidate candidate;
        try {
            candidate = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), trim(registrationNo))
                    .filter(c -> c.getIdNumber().equalsIgnoreCase(trim(idNumber)))
                    .orElse(null);
        } catch (RuntimeException backendFailure) {
            throttle.refund(LoginThrottle.Kind.ACTIVATION, number, source);
            throw backendFailure;
        }
        if (candidate == null) {
            // One message for an unknown number and a wrong ID number: neither is revealed.
            throw ShenchaException.badRequest("ACTIVATION_MISMATCH");
        }
        throttle.recordSuccess(LoginThrottle.Kind.ACTIVATION, number, source);
        if (candidate.isActivated()) {
            throw ShenchaException.conflict("ALREADY_ACTIVATED");
        }
        if (!passwordRule.accepts(password, candidate.getRegistrationNo(), candidate.getIdNumber())) {
            throw ShenchaException.badRequest("WEAK_PASSWORD", PasswordRule.MIN_LENGTH, PasswordRule.MAX_LENGTH);
        }
        candidate.activate(passwordEncoder.encode(password), clock.instant());
        return candidate;
    }

    /** The candidate, when the password is theirs; as slow for an unknown or not activated number as for a known one. */
    @Transactional(readOnly = true)
    public Optional<Candidate> authenticate(String registrationNo, String password) {
        Optional<Candidate> candidate = candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), trim(registrationNo)).filter(Candidate::isActivated);
        String given = password == null ? "" : password;
        boolean matches = passwordEncoder.matches(given, candidate.map(Candidate::getPasswordHash).orElse(dummyHash));
        return candidate.filter(c -> matches && password != null);
    }

    @Transactional(readOnly = true)
    public boolean isRegisteredButNotActivated(String registrationNo) {
        return candidates.findBySeasonCodeAndRegistrationNo(seasons.currentCode(), trim(registrationNo)).map(c -> !c.isActivated()).orElse(false);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
