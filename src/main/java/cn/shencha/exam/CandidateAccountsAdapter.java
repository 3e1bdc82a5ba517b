package cn.shencha.exam;

import cn.shencha.base.security.CandidateAccounts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The candidates' accounts for base's sign-in and activation page (base may not use exam, exam uses base). */
@Component
class CandidateAccountsAdapter implements CandidateAccounts {

    private final CandidateAccountService accounts;

    CandidateAccountsAdapter(CandidateAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<SignedIn> authenticate(String registrationNo, String password) {
        return accounts.authenticate(registrationNo, password).map(c -> new SignedIn(c.getRegistrationNo(), c.getId()));
    }

    @Override
    public void activate(String registrationNo, String idNumber, String password) {
        accounts.activate(registrationNo, idNumber, password);
    }
}
