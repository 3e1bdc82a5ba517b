package cn.shencha.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.time.MutableClock;
import cn.shencha.exam.Candidate;
import cn.shencha.notify.CandidateMessages;
import cn.shencha.review.VerdictPublished;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events between modules survive a failing listener: the event publication registry keeps the publication of a
 * listener that threw, {@link EventPublicationRetry} hands the event to it again once the publication is older than
 * {@code retry-after}, and then it is complete. A node that died after the commit leaves the same incomplete row.
 * Alongside, notify's own listener tells the candidate exactly once, also when the retry runs.
 */
@ShenchaSpringTest
@Import(EventRedeliveryTests.FailsOnce.class)
class EventRedeliveryTests {

    static final String FLAKY = "test.fails-once";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRetry retry;
    @Autowired
    MutableClock clock;
    @Autowired
    TestData testData;
    @Autowired
    CandidateMessages messages;
    @Autowired
    FailsOnce flaky;

    @BeforeEach
    void reset() {
        testData.resetDistricts();
        flaky.calls().clear();
    }

    @Test
    void aListenerThatFailedGetsTheEventAgainAndTheCandidateIsToldOnce() {
        Candidate candidate = testData.candidate("1201");
        VerdictPublished event = new VerdictPublished(UUID.randomUUID(), candidate.getId(), candidate.getName());

        transactions.executeWithoutResult(tx -> events.publishEvent(event));

        assertThat(flaky.calls()).containsExactly(event.id());
        assertThat(incomplete(FLAKY)).as("the failed listener's publication stays").isEqualTo(1);
        assertThat(incomplete("notify.verdict-published")).as("notify's listener succeeded").isZero();
        assertThat(messages.of(candidate.getId())).hasSize(1);

        retry.resubmit(); // too early: the publication is younger than retry-after, it may still be in hand elsewhere
        assertThat(flaky.calls()).hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        retry.resubmit();

        assertThat(flaky.calls()).containsExactly(event.id(), event.id());
        assertThat(incomplete(FLAKY)).isZero();
        assertThat(messages.of(candidate.getId())).as("one notice, however often the event is handled").hasSize(1);
    }

    @Test
    void aRollbackPublishesNothing() {
        Candidate candidate = testData.candidate("1201");

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new VerdictPublished(UUID.randomUUID(), candidate.getId(), candidate.getName()));
            tx.setRollbackOnly();
        });

        assertThat(flaky.calls()).isEmpty();
        assertThat(messages.of(candidate.getId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from EVENT_PUBLICATION", Integer.class)).isZero();
    }

    private int incomplete(String listenerId) {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where LISTENER_ID = ? and COMPLETION_DATE is null",
                Integer.class, listenerId);
    }

    /** A listener of a module that only reacts, failing the first time it gets each event (a database hiccup). */
    static class FailsOnce {

        private final List<UUID> calls = new ArrayList<>();

        /** The events it got, in order (a method: the bean is a transactional proxy). */
        List<UUID> calls() {
            return calls;
        }

        @ApplicationModuleListener(id = FLAKY)
        void on(VerdictPublished event) {
            calls.add(event.id());
            if (calls.stream().filter(event.id()::equals).count() == 1) {
                throw new IllegalStateException("fails once");
            }
        }
    }
}
