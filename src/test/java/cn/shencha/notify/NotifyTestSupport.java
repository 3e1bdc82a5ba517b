package cn.shencha.notify;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.time.MutableClock;
import cn.shencha.exam.Candidate;
import cn.shencha.support.TestData;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notify tests' common ground: every channel switched on against stand-ins in this JVM (the SMS
 * gateway and WeChat API on a local HTTP server, e-mail on an in-process GreenMail SMTP server), three
 * attempts with a one-minute backoff base. All notify test classes share these properties, hence one
 * application context per database.
 */
abstract class NotifyTestSupport {

    static final FakeGateway GATEWAY = FakeGateway.shared();
    static final GreenMail MAIL = SharedMail.SERVER;
    static final String SMS_KEY = "test-sms-key";

    @DynamicPropertySource
    static void notifyChannels(DynamicPropertyRegistry registry) {
        registry.add("shencha.notify.sms.mode", () -> "http");
        registry.add("shencha.notify.sms.url", () -> GATEWAY.baseUrl() + FakeGateway.SMS_PATH);
        registry.add("shencha.notify.sms.api-key", () -> SMS_KEY);
        registry.add("shencha.notify.sms.sign", () -> "医师资格考试");
        registry.add("shencha.notify.sms.templates.SUPPLEMENT_REQUESTED", () -> "SMS_SUPPLEMENT_01");
        registry.add("shencha.notify.wechat.app-id", () -> "wx-test-app");
        registry.add("shencha.notify.wechat.app-secret", () -> "wx-test-secret");
        registry.add("shencha.notify.wechat.api-base", GATEWAY::baseUrl);
        registry.add("shencha.notify.wechat.templates.SUPPLEMENT_REQUESTED.id", () -> "TPL_SUPPLEMENT");
        registry.add("shencha.notify.wechat.templates.SUPPLEMENT_REQUESTED.url", () -> "https://shencha.example/materials");
        registry.add("shencha.notify.wechat.templates.SUPPLEMENT_REQUESTED.data.thing1", () -> "name");
        registry.add("shencha.notify.wechat.templates.SUPPLEMENT_REQUESTED.data.thing2", () -> "materials");
        registry.add("shencha.notify.wechat.templates.SUPPLEMENT_REQUESTED.data.time3", () -> "deadline");
        registry.add("shencha.notify.wechat.templates.VERDICT_PUBLISHED.id", () -> "TPL_VERDICT");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("shencha.notify.mail.from", () -> "noreply@shencha.test");
        registry.add("shencha.notify.dispatcher.max-attempts", () -> "3");
        registry.add("shencha.notify.dispatcher.backoff", () -> "1m");
        registry.add("shencha.notify.dispatcher.backoff-max", () -> "10m");
        registry.add("shencha.notify.dispatcher.lease", () -> "2m");
    }

    @Autowired
    TestData testData;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;
    @Autowired
    Notifier notifier;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    NotificationDeliveryRepository deliveries;
    @Autowired
    CandidateMessageRepository messages;
    @Autowired
    NotificationContacts contacts;
    @Autowired
    NotificationAdmin admin;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    NotifyProperties properties;
    @Autowired
    Messages text;

    @BeforeEach
    void resetWorld() {
        testData.resetDistricts();
        GATEWAY.reset();
    }

    @AfterEach
    void resetGateway() {
        GATEWAY.reset();
    }

    /** Notifies in a committed transaction, as the process delegates do. */
    Notification notifyCommitted(Candidate candidate, NoticeKind kind, Object... args) {
        return tx.execute(status -> {
            CandidateMessage message = notifier.notifyCandidate(candidate.getId(), kind, args);
            return notificationOf(message);
        });
    }

    Notification notificationOf(CandidateMessage message) {
        return notifications.findByMessageId(message.getId()).orElseThrow();
    }

    Map<Channel, NotificationDelivery> deliveriesOf(Notification notification) {
        return deliveries.findByNotificationIdOrderById(notification.getId()).stream()
                .collect(Collectors.toMap(NotificationDelivery::getChannel, Function.identity()));
    }

    NotificationDelivery delivery(Notification notification, Channel channel) {
        NotificationDelivery delivery = deliveriesOf(notification).get(channel);
        if (delivery == null) {
            throw new AssertionError("no " + channel + " delivery for notification " + notification.getId());
        }
        return delivery;
    }

    /** Runs the dispatcher until a run finds nothing due (what the scheduler does, without waiting). */
    int dispatchAll() {
        return dispatchAll(dispatcher);
    }

    static int dispatchAll(OutboxDispatcher dispatcher) {
        int total = 0;
        for (int run = 0; run < 100; run++) {
            int attempted = dispatcher.dispatchDue();
            if (attempted == 0) {
                return total;
            }
            total += attempted;
        }
        throw new AssertionError("the dispatcher never ran out of due deliveries");
    }

    /** Another dispatcher on the same database, as a second app node (or a restarted one) would run it. */
    OutboxDispatcher otherNode(String nodeId) {
        return new OutboxDispatcher(deliveries, notifications, senders, properties.getDispatcher(), text, clock, nodeId);
    }

    static final class SharedMail {
        static final GreenMail SERVER = start();

        private static GreenMail start() {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
            return mail;
        }
    }
}
