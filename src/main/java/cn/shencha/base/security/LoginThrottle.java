package cn.shencha.base.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after 5 failures in a row an account name is refused for 5 minutes.
 * Per node and in memory, which is enough to stop a guessing loop; a restart forgets it.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(5);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether this name is refused for now (also used for activation attempts, keyed "activation:<no>"). */
    public boolean isLocked(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    void checkAllowed(String username) {
        Failures f = failures.get(username);
        if (f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil())) {
            throw new LockedException("Too many failed sign-ins");
        }
    }

    public void recordFailure(String username) {
        failures.compute(username, (name, f) -> {
            int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
            return new Failures(count, count >= MAX_FAILURES ? clock.instant().plus(LOCK_TIME) : null);
        });
    }

    public void recordSuccess(String username) {
        failures.remove(username);
    }
}
