package cn.shencha.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.LoginThrottle.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The throttle itself, with its real buckets: 5 attempts per account and source, 8 per source. */
class LoginThrottleTests {

    private final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
            5, Duration.ofMinutes(5), 8, Duration.ofMinutes(10));

    @Test
    void attemptsStillBeingCheckedCountAlready() {
        // Parallel requests: each asks before any of them has failed. Before the fix all six were let through.
        long admitted = IntStream.range(0, 6).filter(i -> throttle.tryAttempt(Kind.SIGN_IN, "120126000001", "203.0.113.9")).count();
        assertThat(admitted).isEqualTo(5);
        assertThat(throttle.tryAttempt(Kind.SIGN_IN, "120126000001", "203.0.113.10")).as("another source").isTrue();
        assertThat(throttle.tryAttempt(Kind.ACTIVATION, "120126000001", "203.0.113.9")).as("another kind").isTrue();
    }

    @Test
    void aSuccessCostsNothingAndForgetsTheAccountsFailures() {
        String source = "203.0.113.20";
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.tryAttempt(Kind.SIGN_IN, "site1201reviewer", source)).isTrue();
        }
        assertThat(throttle.tryAttempt(Kind.SIGN_IN, "site1201reviewer", source)).isTrue();
        throttle.recordSuccess(Kind.SIGN_IN, "site1201reviewer", source);
        // The account is open again from this source; the source keeps its 4 failures (8 - 4 = 4 more).
        assertThat(IntStream.range(0, 5).filter(i -> throttle.tryAttempt(Kind.SIGN_IN, "site1201reviewer", source)).count())
                .isEqualTo(4);
    }

    @Test
    void aRefusalByTheAccountDoesNotSpendTheSourcesAttempts() {
        String source = "203.0.113.30";
        for (int i = 0; i < 7; i++) {
            throttle.tryAttempt(Kind.SIGN_IN, "120126000002", source);
        }
        // 5 spent on the account, 2 refused by it: the source has 3 left for another account.
        assertThat(IntStream.range(0, 4).filter(i -> throttle.tryAttempt(Kind.SIGN_IN, "120126000003", source)).count())
                .isEqualTo(3);
    }

    @Test
    void anAttemptTheBackEndCouldNotCheckCostsNothing() {
        // A database restart: every retry fails before any password is compared. Without the refund the 9th retry
        // from the source (8 per source here) was refused as guessing.
        String source = "203.0.113.40";
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryAttempt(Kind.SIGN_IN, "120126000004", source)).as("retry %d", i).isTrue();
            throttle.refund(Kind.SIGN_IN, "120126000004", source);
        }
        assertThat(IntStream.range(0, 6).filter(i -> throttle.tryAttempt(Kind.SIGN_IN, "120126000004", source)).count())
                .as("real failures still count").isEqualTo(5);
    }
}
