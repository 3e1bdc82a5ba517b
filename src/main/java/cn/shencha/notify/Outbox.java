package cn.shencha.notify;

import cn.shencha.base.i18n.Messages;
import cn.shencha.exam.Candidate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notification in the caller's transaction: the in-app message (visible at once), the outbox
 * entry and one queued delivery per configured channel that can reach the candidate. Nothing is sent
 * here; {@link OutboxDispatcher} sends after the commit, so a rollback sends nothing.
 */
@Component
class Outbox {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;
    static final int MAX_PARAM = 900;

    record Written(Notification notification, CandidateMessage message) {
    }

    private final CandidateMessageRepository messages;
    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final NotificationContactRepository contacts;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Messages text;
    private final Clock clock;

    Outbox(CandidateMessageRepository messages, NotificationRepository notifications,
           NotificationDeliveryRepository deliveries, NotificationContactRepository contacts,
           List<ChannelSender> senders, Messages text, Clock clock) {
        this.messages = messages;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.contacts = contacts;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.text = text;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Written write(Candidate candidate, NoticeKind kind, List<String> params) {
        return write(UUID.randomUUID().toString(), candidate, contacts.findById(candidate.getId()), kind, params);
    }

    /**
     * @param key     the notification's idempotency key (at most 36 characters, unique)
     * @param contact the candidate's contact, read by the caller (several candidates' contacts in one query)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Written write(String key, Candidate candidate, Optional<NotificationContact> contact, NoticeKind kind,
                  List<String> params) {
        Instant now = clock.instant();
        List<String> args = params.stream().map(p -> truncate(p, MAX_PARAM)).toList();
        String title = truncate(render(kind, "title", args), MAX_TITLE);
        String body = truncate(render(kind, "body", args), MAX_BODY);
        CandidateMessage message = messages.save(new CandidateMessage(candidate.getId(), kind, title, body, now));
        Notification notification = notifications.save(
                new Notification(key, candidate.getId(), kind, args, title, body, message.getId(), now));
        deliveries.save(NotificationDelivery.inAppSent(notification.getId(), candidate.getId(), now));

        for (ChannelSender sender : senders.values()) {
            if (sender.enabled() && sender.handles(kind)) {
                recipient(sender.channel(), candidate, contact).ifPresent(recipient ->
                        deliveries.save(NotificationDelivery.queued(notification.getId(), sender.channel(), recipient, now)));
            }
        }
        return new Written(notification, message);
    }

    /** The contacts of these candidates, by candidate id (those without a row are missing). */
    Map<Long, NotificationContact> contactsOf(Collection<Long> candidateIds) {
        Map<Long, NotificationContact> byCandidate = new HashMap<>();
        contacts.findAllById(candidateIds).forEach(c -> byCandidate.put(c.getCandidateId(), c));
        return byCandidate;
    }

    /** The candidate's address on a channel; a channel without one is skipped for this candidate. */
    static Optional<String> recipient(Channel channel, Candidate candidate, Optional<NotificationContact> contact) {
        String address = switch (channel) {
            case IN_APP -> String.valueOf(candidate.getId());
            case SMS -> candidate.getPhone();
            case EMAIL -> contact.map(NotificationContact::getEmail).orElse(null);
            case WECHAT -> contact.map(NotificationContact::getWechatOpenId).orElse(null);
        };
        return Optional.ofNullable(address).filter(a -> !a.isBlank());
    }

    private String render(NoticeKind kind, String part, List<String> args) {
        return text.get(Messages.DEFAULT_LOCALE, "notice." + kind.name() + "." + part, args.toArray());
    }

    static String truncate(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
