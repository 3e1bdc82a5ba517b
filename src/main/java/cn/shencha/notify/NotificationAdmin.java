package cn.shencha.notify;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see of the outbox: each notification with its delivery state per channel, and a
 * resend of the failed and dead deliveries. Callers check that the user is an administrator.
 */
@Service
public class NotificationAdmin {

    public record DeliveryView(Channel channel, DeliveryState state, String recipient, int attempts,
                               String lastError, Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt,
                               Instant deliveredAt, String gatewayRef) {
    }

    public record NotificationView(Long id, String idempotencyKey, Instant createdAt, Long candidateId,
                                   String registrationNo, String candidateName, NoticeKind kind, String title,
                                   String body, boolean read, List<DeliveryView> deliveries) {

        /** Failed or dead deliveries an administrator may send again. */
        public boolean resendable() {
            return deliveries.stream().anyMatch(d -> d.state() == DeliveryState.FAILED || d.state() == DeliveryState.DEAD);
        }

        public DeliveryView delivery(Channel channel) {
            return deliveries.stream().filter(d -> d.channel() == channel).findFirst().orElse(null);
        }
    }

    private static final EnumSet<DeliveryState> RESENDABLE = EnumSet.of(DeliveryState.FAILED, DeliveryState.DEAD);

    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final CandidateMessageRepository messages;
    private final CandidateRepository candidates;
    private final Clock clock;

    NotificationAdmin(NotificationRepository notifications, NotificationDeliveryRepository deliveries,
                      CandidateMessageRepository messages, CandidateRepository candidates, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.messages = messages;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** Newest first; with a state, only notifications with a delivery in that state. */
    @Transactional(readOnly = true)
    public Page<NotificationView> list(DeliveryState state, Pageable page) {
        Page<Notification> found = state == null
                ? notifications.findAllByOrderByIdDesc(page)
                : notifications.findWithDeliveryState(state, page);
        List<Long> ids = found.getContent().stream().map(Notification::getId).toList();
        Map<Long, List<NotificationDelivery>> byNotification = ids.isEmpty() ? Map.of()
                : deliveries.findByNotificationIdIn(ids).stream()
                        .collect(Collectors.groupingBy(NotificationDelivery::getNotificationId));
        Map<Long, Candidate> people = candidates.findAllById(
                        found.getContent().stream().map(Notification::getCandidateId).distinct().toList()).stream()
                .collect(Collectors.toMap(Candidate::getId, Function.identity()));
        Map<Long, CandidateMessage> read = messages.findAllById(
                        found.getContent().stream().map(Notification::getMessageId).filter(id -> id != null).toList()).stream()
                .collect(Collectors.toMap(CandidateMessage::getId, Function.identity()));
        return found.map(n -> view(n, byNotification.getOrDefault(n.getId(), List.of()), people.get(n.getCandidateId()),
                n.getMessageId() == null ? null : read.get(n.getMessageId())));
    }

    @Transactional(readOnly = true)
    public NotificationView get(Long id) {
        Notification n = notifications.findById(id).orElseThrow(() -> ShenchaException.notFound("NOTIFICATION_NOT_FOUND"));
        return view(n, deliveries.findByNotificationIdOrderById(id), candidates.findById(n.getCandidateId()).orElse(null),
                n.getMessageId() == null ? null : messages.findById(n.getMessageId()).orElse(null));
    }

    /**
     * Sends the failed and dead deliveries of this notification again, with fresh attempts, at the
     * dispatcher's next run. Sent and delivered ones are left alone.
     *
     * @return the notification as it stands now
     */
    public NotificationView resend(Long id) {
        if (!notifications.existsById(id)) {
            throw ShenchaException.notFound("NOTIFICATION_NOT_FOUND");
        }
        int requeued = deliveries.requeue(id, RESENDABLE, DeliveryState.QUEUED, clock.instant());
        if (requeued == 0) {
            throw ShenchaException.conflict("NOTIFICATION_NOTHING_TO_RESEND");
        }
        return get(id);
    }

    /** How many deliveries are in each state. */
    @Transactional(readOnly = true)
    public Map<DeliveryState, Long> counts() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        deliveries.countByState().forEach(c -> counts.put(c.getState(), c.getCount()));
        return counts;
    }

    private static NotificationView view(Notification n, List<NotificationDelivery> list, Candidate candidate,
                                         CandidateMessage message) {
        List<DeliveryView> views = list.stream()
                .sorted(Comparator.comparing(NotificationDelivery::getChannel))
                .map(d -> new DeliveryView(d.getChannel(), d.getState(), d.getChannel().mask(d.getRecipient()),
                        d.getAttempts(), d.getLastError(), d.getNextAttemptAt(), d.getLastAttemptAt(), d.getSentAt(),
                        d.getDeliveredAt(), d.getGatewayRef()))
                .toList();
        return new NotificationView(n.getId(), n.getIdempotencyKey(), n.getCreatedAt(), n.getCandidateId(),
                candidate == null ? null : candidate.getRegistrationNo(), candidate == null ? null : candidate.getName(),
                n.getKind(), n.getTitle(), n.getBody(), message != null && message.getReadAt() != null, views);
    }
}
