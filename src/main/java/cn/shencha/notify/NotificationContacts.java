package cn.shencha.notify;

import cn.shencha.base.web.ShenchaException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a candidate is reached besides the registration's phone: an e-mail address they give, and the
 * openid of the official account (bound when they follow it; set by the binding flow or an import).
 */
@Service
public class NotificationContacts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final NotificationContactRepository contacts;
    private final Clock clock;

    NotificationContacts(NotificationContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<NotificationContact> of(Long candidateId) {
        return contacts.findById(candidateId);
    }

    /** Sets (or with a blank value removes) the e-mail address; later notifications use it. */
    @Transactional
    public NotificationContact setEmail(Long candidateId, String email) {
        String value = email == null ? "" : email.strip();
        if (!value.isEmpty() && (value.length() > 200 || !EMAIL.matcher(value).matches())) {
            throw ShenchaException.badRequest("CONTACT_EMAIL_INVALID");
        }
        NotificationContact contact = contact(candidateId);
        contact.setEmail(value.isEmpty() ? null : value, clock.instant());
        return contact;
    }

    @Transactional
    public NotificationContact bindWeChat(Long candidateId, String openId) {
        String value = openId == null ? "" : openId.strip();
        if (value.length() > 64) {
            throw ShenchaException.badRequest("CONTACT_OPENID_INVALID");
        }
        NotificationContact contact = contact(candidateId);
        contact.setWechatOpenId(value.isEmpty() ? null : value, clock.instant());
        return contact;
    }

    private NotificationContact contact(Long candidateId) {
        return contacts.findById(candidateId)
                .orElseGet(() -> contacts.save(new NotificationContact(candidateId, clock.instant())));
    }
}
