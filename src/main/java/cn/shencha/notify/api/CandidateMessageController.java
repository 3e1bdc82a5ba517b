package cn.shencha.notify.api;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessages;
import cn.shencha.notify.NotificationContact;
import cn.shencha.notify.NotificationContacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in candidate's in-app messages (read/unread) and where else they want to be told. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Candidate: messages")
class CandidateMessageController {

    record MessageResponse(Long id, String kind, String title, String body, Instant createdAt, Instant readAt,
                           boolean read) {

        static MessageResponse of(CandidateMessage m) {
            return new MessageResponse(m.getId(), m.getKind().name(), m.getTitle(), m.getBody(), m.getCreatedAt(),
                    m.getReadAt(), m.getReadAt() != null);
        }
    }

    record MessagesResponse(long unread, List<MessageResponse> items) {
    }

    record ContactRequest(String email) {
    }

    record ContactResponse(String email, boolean wechatBound) {

        static ContactResponse of(NotificationContact contact) {
            return contact == null ? new ContactResponse(null, false)
                    : new ContactResponse(contact.getEmail(), contact.getWechatOpenId() != null);
        }
    }

    private final CandidateMessages messages;
    private final NotificationContacts contacts;

    CandidateMessageController(CandidateMessages messages, NotificationContacts contacts) {
        this.messages = messages;
        this.contacts = contacts;
    }

    @GetMapping("/messages")
    @Operation(summary = "My messages, newest first, with the number of unread ones")
    MessagesResponse list() {
        Long candidateId = CurrentUser.candidateId();
        return new MessagesResponse(messages.unreadCount(candidateId),
                messages.of(candidateId).stream().map(MessageResponse::of).toList());
    }

    @PostMapping("/messages/{id}/read")
    @Operation(summary = "Mark one of my messages read")
    MessageResponse markRead(@PathVariable Long id) {
        return MessageResponse.of(messages.markRead(CurrentUser.candidateId(), id));
    }

    @GetMapping("/notification-contact")
    @Operation(summary = "My e-mail address for notifications, and whether WeChat is bound")
    ContactResponse contact() {
        return ContactResponse.of(contacts.of(CurrentUser.candidateId()).orElse(null));
    }

    @PutMapping("/notification-contact")
    @Operation(summary = "Set (or, blank, remove) my e-mail address for notifications")
    ContactResponse setContact(@RequestBody ContactRequest request) {
        return ContactResponse.of(contacts.setEmail(CurrentUser.candidateId(), request == null ? null : request.email()));
    }
}
