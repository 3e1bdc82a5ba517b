package cn.shencha.base.security;

import java.util.Optional;

/**
 * The candidates' accounts as the sign-in and the activation page need them. The exam module owns the accounts and
 * implements this, so that base (which every module uses) does not use exam.
 */
public interface CandidateAccounts {

    /** The candidate signed in, when the password is theirs (as slow for an unknown number as for a known one). */
    Optional<SignedIn> authenticate(String registrationNo, String password);

    /** Activates the account: checks the ID number against the registration and sets the password. */
    void activate(String registrationNo, String idNumber, String password);

    record SignedIn(String registrationNo, Long candidateId) {
    }
}
