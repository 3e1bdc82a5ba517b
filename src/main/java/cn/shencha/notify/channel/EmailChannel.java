package cn.shencha.notify.channel;

import cn.shencha.notify.Channel;
import cn.shencha.notify.ChannelSender;
import cn.shencha.notify.DeliveryFailure;
import cn.shencha.notify.NotifyProperties;
import cn.shencha.notify.OutboundMessage;
import cn.shencha.notify.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through Spring Boot's mail starter: on when {@code spring.mail.host} is set. SMTP knows
 * no idempotency key, so the key becomes the Message-ID: a retry after a lost answer carries the same
 * Message-ID and mail systems show one message.
 */
@Component
class EmailChannel implements ChannelSender {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotifyProperties.Mail settings;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotifyProperties properties) {
        this.mailSender = mailSender;
        this.settings = properties.getMail();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return settings.isEnabled() && mailSender.getIfAvailable() != null;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw DeliveryFailure.permanentFailure("e-mail is not configured (spring.mail.host)");
        }
        String messageId = "<" + message.idempotencyKey() + "@shencha.notify>";
        try {
            MimeMessage mime = new FixedIdMimeMessage(SESSION, messageId);
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.getFrom());
            helper.setTo(message.recipient());
            helper.setSubject(message.title());
            helper.setText(message.body());
            mime.setHeader("X-Shencha-Idempotency-Key", message.idempotencyKey());
            sender.send(mime);
            return new SendResult(messageId, false);
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryFailure("invalid e-mail: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("SMTP authentication failed: " + e.getMessage(), false, e);
        } catch (MailException e) {
            throw new DeliveryFailure("SMTP: " + e.getMessage(), false, e);
        }
    }

    /** Keeps the Message-ID it was given instead of inventing one on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
