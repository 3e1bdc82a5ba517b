package cn.shencha.base.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords (sign-in on /login, HTTP Basic, the views) and of ID numbers (activation),
 * with token buckets (Bucket4j) that only failures drain:
 * <ul>
 *   <li>per account and source address: {@code account-failures} failures, then one more try per
 *       {@code account-window}/{@code account-failures}. Another source is not affected, so nobody can lock a
 *       candidate or a reviewer out from their own machine;</li>
 *   <li>per source address, whatever the account: {@code source-failures} failures, then one more per
 *       {@code source-window}/{@code source-failures}; a script that tries many registration numbers from one
 *       address is slowed for all of them.</li>
 * </ul>
 * Every attempt is paid up front and a refused one is not checked at all (no password hash is computed); a
 * failure keeps its token spent. Success gives the token back and empties the account's failures from that source,
 * never the source's. Per node and in memory: a restart forgets it. The source is
 * {@link ClientAddress}: the peer, or the forwarded client address when the peer is a trusted proxy.
 */
@Component
public class LoginThrottle {

    /** What is being guessed: a password or, at activation, an ID number. */
    public enum Kind { SIGN_IN, ACTIVATION }

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final int accountFailures;
    private final Duration accountWindow;
    private final int sourceFailures;
    private final Duration sourceWindow;

    LoginThrottle(Clock clock,
                  @Value("${shencha.security.throttle.account-failures:5}") int accountFailures,
                  @Value("${shencha.security.throttle.account-window:5m}") Duration accountWindow,
                  @Value("${shencha.security.throttle.source-failures:30}") int sourceFailures,
                  @Value("${shencha.security.throttle.source-window:10m}") Duration sourceWindow) {
        this.accountFailures = accountFailures;
        this.accountWindow = accountWindow;
        this.sourceFailures = sourceFailures;
        this.sourceWindow = sourceWindow;
        // The app's clock (tests move it); a bucket untouched for longer than its window is full again anyway.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        Duration longest = accountWindow.compareTo(sourceWindow) > 0 ? accountWindow : sourceWindow;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(1_000_000).build();
    }

    /**
     * Takes one attempt on this account from this source, or refuses it (false) when either bucket is empty. The
     * attempt is paid before its password is checked, so parallel requests cannot all slip through before the first
     * failure is counted; {@link #recordSuccess} gives it back.
     */
    public boolean tryAttempt(Kind kind, String account, String source) {
        Bucket bySource = sourceBucket(source);
        if (!bySource.tryConsume(1)) {
            return false;
        }
        if (!accountBucket(kind, account, source).tryConsume(1)) {
            bySource.addTokens(1);
            return false;
        }
        return true;
    }

    /**
     * The attempt could not be checked (the database or another back end failed): nothing was guessed, so it costs
     * neither bucket. Without this, candidates retrying through a database restart would be locked out as guessers.
     */
    public void refund(Kind kind, String account, String source) {
        sourceBucket(source).addTokens(1);
        accountBucket(kind, account, source).addTokens(1);
    }

    /** The attempt was right: it costs the source nothing, and the account's failures from this source are forgotten. */
    public void recordSuccess(Kind kind, String account, String source) {
        sourceBucket(source).addTokens(1);
        buckets.invalidate(accountKey(kind, account, source));
    }

    private Bucket sourceBucket(String source) {
        return buckets.get("source|" + source, key -> bucket(sourceFailures, sourceWindow));
    }

    private Bucket accountBucket(Kind kind, String account, String source) {
        return buckets.get(accountKey(kind, account, source), key -> bucket(accountFailures, accountWindow));
    }

    private static String accountKey(Kind kind, String account, String source) {
        return kind + "|" + account + "|" + source;
    }

    private Bucket bucket(int failures, Duration window) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .withCustomTimePrecision(time)
                .build();
    }
}
