package cn.shencha.demo;

import cn.shencha.exam.CandidateRepository;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the app does not start while a demo account still has the published demo password (a
 * database once seeded by the demo, then used for real): before the web server opens, so nobody can sign in
 * with it meanwhile. The administrator named by ADMIN_USERNAME is let through when ADMIN_PASSWORD is set, since
 * start-up sets that password anyway (StaffAccountsSetup).
 */
@Component
@Profile("!demo")
class DemoAccountsGuard implements SmartInitializingSingleton {

    private final IdentityService identityService;
    private final CandidateRepository candidates;
    private final PasswordEncoder passwordEncoder;
    private final String resetAdmin;

    DemoAccountsGuard(IdentityService identityService, CandidateRepository candidates, PasswordEncoder passwordEncoder,
                      @Value("${ADMIN_USERNAME:}") String adminUsername, @Value("${ADMIN_PASSWORD:}") String adminPassword) {
        this.identityService = identityService;
        this.candidates = candidates;
        this.passwordEncoder = passwordEncoder;
        this.resetAdmin = adminPassword.isBlank() ? "" : adminUsername.strip();
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> found = new ArrayList<>();
        for (String id : DemoData.STAFF_IDS) {
            if (!id.equals(resetAdmin) && identityService.createUserQuery().userId(id).count() == 1
                    && identityService.checkPassword(id, DemoData.PASSWORD)) {
                found.add(id);
            }
        }
        for (String registrationNo : DemoData.CANDIDATE_NUMBERS) {
            candidates.findAllByRegistrationNo(registrationNo).stream()
                    .filter(c -> c.isActivated() && passwordEncoder.matches(DemoData.PASSWORD, c.getPasswordHash()))
                    .findFirst()
                    .ifPresent(c -> found.add(registrationNo));
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("Accounts with the published demo password: " + String.join(", ", found)
                    + ". This database was seeded by the demo: change or remove these accounts (or start from an"
                    + " empty database) before running it for real.");
        }
    }
}
