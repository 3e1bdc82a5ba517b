package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its dispatcher, through the real SMS channel against the local stand-in gateway. Run on
 * H2 ({@link OutboxDispatcherH2Tests}) and on MariaDB ({@link OutboxDispatcherMariaDbTests}).
 */
abstract class OutboxDispatcherTests extends NotifyTestSupport {

    @Test
    void aCommittedNotificationIsInAppAtOnceAndSentByTheNextRunExactlyOnce() {
        Candidate candidate = testData.candidate("1201");

        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());

        assertThat(messages.findById(notification.getMessageId())).get()
                .satisfies(m -> assertThat(m.getTitle()).isEqualTo("审核结果已公布"));
        assertThat(delivery(notification, Channel.IN_APP).getState()).isEqualTo(DeliveryState.SENT);
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);
        assertThat(deliveriesOf(notification)).doesNotContainKeys(Channel.EMAIL, Channel.WECHAT); // no address
        assertThat(GATEWAY.smsWithKey(notification.getIdempotencyKey())).isEmpty();

        dispatchAll();
        dispatchAll();

        assertThat(GATEWAY.smsWithKey(notification.getIdempotencyKey())).hasSize(1);
        NotificationDelivery sms = delivery(notification, Channel.SMS);
        assertThat(sms.getState()).isEqualTo(DeliveryState.SENT);
        assertThat(sms.getAttempts()).isEqualTo(1);
        assertThat(sms.getGatewayRef()).startsWith("sms-");
        assertThat(sms.getClaimedBy()).isNull();
        assertThat(sms.getSentAt()).isEqualTo(clock.instant());
    }

    @Test
    void aRolledBackTransactionLeavesNothingToSend() {
        Candidate candidate = testData.candidate("1201");
        AtomicReference<String> key = new AtomicReference<>();
        AtomicReference<Long> messageId = new AtomicReference<>();

        tx.executeWithoutResult(status -> {
            CandidateMessage message = notifier.notifyCandidate(candidate.getId(), NoticeKind.VERDICT_PUBLISHED,
                    candidate.getName());
            messageId.set(message.getId());
            key.set(notificationOf(message).getIdempotencyKey());
            status.setRollbackOnly(); // the change that caused the notification fails
        });

        assertThat(key.get()).isNotNull();
        assertThat(notifications.findByIdempotencyKey(key.get())).isEmpty();
        assertThat(messages.findById(messageId.get())).isEmpty();
        dispatchAll();
        assertThat(GATEWAY.smsWithKey(key.get())).isEmpty();
    }

    @Test
    void anEntryNoNodeGotToBeforeACrashIsSentByTheNextNodeThatRuns() {
        Candidate candidate = testData.candidate("1201");
        // Committed; the node that wrote it stops before its dispatcher runs.
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());

        OutboxDispatcher restarted = otherNode("node-after-restart");
        dispatchAll(restarted);

        assertThat(GATEWAY.smsWithKey(notification.getIdempotencyKey())).hasSize(1);
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void anEntryClaimedByANodeThatDiedIsSentOnceItsLeaseRunsOut() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        NotificationDelivery sms = delivery(notification, Channel.SMS);
        // A node claims the delivery and dies before sending or recording anything.
        assertThat(deliveries.claim(sms.getId(), "node-that-died/1", clock.instant(),
                clock.instant().plus(properties.getDispatcher().getLease()), OutboxDispatcher.PENDING)).isEqualTo(1);

        dispatchAll();
        assertThat(GATEWAY.smsWithKey(notification.getIdempotencyKey())).as("lease still held").isEmpty();

        clock.advance(properties.getDispatcher().getLease().plusSeconds(1));
        dispatchAll();
        dispatchAll();

        List<FakeGateway.Request> sent = GATEWAY.smsWithKey(notification.getIdempotencyKey());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).json().path("idempotencyKey").asText()).isEqualTo(notification.getIdempotencyKey());
        NotificationDelivery after = delivery(notification, Channel.SMS);
        assertThat(after.getState()).isEqualTo(DeliveryState.SENT);
        assertThat(after.getAttempts()).isEqualTo(2); // the dead node's attempt and ours
        assertThat(after.getClaimedBy()).isNull();
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffThenDeadLetteredAndCanBeResent() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        String key = notification.getIdempotencyKey();
        GATEWAY.respond(request -> new FakeGateway.Reply(503, "{\"error\":\"busy\"}"));

        dispatchAll();
        NotificationDelivery first = delivery(notification, Channel.SMS);
        assertThat(first.getState()).isEqualTo(DeliveryState.FAILED);
        assertThat(first.getAttempts()).isEqualTo(1);
        assertThat(first.getLastError()).contains("HTTP 503").contains("busy");
        assertThat(first.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        dispatchAll(); // not due yet
        assertThat(GATEWAY.smsWithKey(key)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        dispatchAll();
        NotificationDelivery second = delivery(notification, Channel.SMS);
        assertThat(second.getState()).isEqualTo(DeliveryState.FAILED);
        assertThat(second.getAttempts()).isEqualTo(2);
        assertThat(second.getNextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        dispatchAll();
        NotificationDelivery dead = delivery(notification, Channel.SMS);
        assertThat(dead.getState()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.getAttempts()).isEqualTo(3);
        assertThat(dead.getNextAttemptAt()).isNull();

        clock.advance(Duration.ofHours(2));
        dispatchAll();
        assertThat(GATEWAY.smsWithKey(key)).as("every attempt carries the same key").hasSize(3);
        assertThat(admin.get(notification.getId()).resendable()).isTrue();

        // The gateway is back; an administrator resends.
        GATEWAY.reset();
        admin.resend(notification.getId());
        assertThat(delivery(notification, Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);
        dispatchAll();
        NotificationDelivery resent = delivery(notification, Channel.SMS);
        assertThat(resent.getState()).isEqualTo(DeliveryState.SENT);
        assertThat(resent.getAttempts()).isEqualTo(1);
        assertThat(GATEWAY.smsWithKey(key)).as("never accepted before: same key").hasSize(4);
    }

    @Test
    void aGatewayOutageCostsOneAttemptPerRunNotOnePerQueuedMessage() {
        dispatchAll(); // whatever earlier tests left due
        Candidate candidate = testData.candidate("1201");
        List<Notification> queued = List.of(
                notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName()),
                notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName()),
                notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName()));
        GATEWAY.respond(request -> new FakeGateway.Reply(503, "{\"error\":\"down\"}"));

        dispatcher.dispatchDue();

        assertThat(queued).extracting(n -> GATEWAY.smsWithKey(n.getIdempotencyKey()).size()).containsExactly(1, 0, 0);
        assertThat(queued).extracting(n -> delivery(n, Channel.SMS).getState())
                .containsExactly(DeliveryState.FAILED, DeliveryState.QUEUED, DeliveryState.QUEUED);

        GATEWAY.reset();
        dispatchAll();
        assertThat(queued).extracting(n -> delivery(n, Channel.SMS).getState())
                .containsExactly(DeliveryState.FAILED, DeliveryState.SENT, DeliveryState.SENT);
    }

    @Test
    void aPermanentRefusalIsDeadAtOnce() {
        Candidate candidate = testData.candidate("1201");
        Notification notification = notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName());
        GATEWAY.respond(request -> new FakeGateway.Reply(400, "{\"error\":\"invalid phone number\"}"));

        dispatchAll();

        NotificationDelivery sms = delivery(notification, Channel.SMS);
        assertThat(sms.getState()).isEqualTo(DeliveryState.DEAD);
        assertThat(sms.getAttempts()).isEqualTo(1);
        assertThat(sms.getLastError()).contains("HTTP 400").contains("invalid phone number");
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverSendOneEntryTwice() throws Exception {
        Candidate candidate = testData.candidate("1201");
        List<Notification> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(notifyCommitted(candidate, NoticeKind.VERDICT_PUBLISHED, candidate.getName()));
        }
        OutboxDispatcher nodeA = otherNode("node-a");
        OutboxDispatcher nodeB = otherNode("node-b");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxDispatcher node : List.of(nodeA, nodeB)) {
                Callable<Integer> run = () -> {
                    start.await();
                    return dispatchAll(node);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        for (Notification notification : batch) {
            assertThat(GATEWAY.smsWithKey(notification.getIdempotencyKey()))
                    .as("requests for notification %d", notification.getId()).hasSize(1);
            NotificationDelivery sms = delivery(notification, Channel.SMS);
            assertThat(sms.getState()).isEqualTo(DeliveryState.SENT);
            assertThat(sms.getAttempts()).isEqualTo(1);
        }
    }
}
