package cn.shencha.notify.ui;

import cn.shencha.base.ui.CandidatePage;
import cn.shencha.base.ui.Toasts;
import cn.shencha.base.i18n.Messages;
import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.CandidateMessage;
import cn.shencha.notify.CandidateMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** 消息: the reviewers' feedback and the notices, newest first, unread ones marked until the candidate reads them. */
@Route("messages")
@RolesAllowed(Roles.CANDIDATE)
public class MessagesView extends CandidatePage {

    private final CandidateMessages inbox;
    private final Messages messages;

    public MessagesView(CandidateMessages inbox, Messages messages) {
        super("ui.messages.title");
        this.inbox = inbox;
        this.messages = messages;
    }

    @Override
    protected void render() {
        removeAll();
        Long candidateId = CurrentUser.candidateId();
        List<CandidateMessage> list = inbox.of(candidateId);
        long unread = list.stream().filter(m -> m.getReadAt() == null).count();

        Div head = new Div(heading());
        head.addClassName("sh-pagehead");
        if (unread > 0) {
            Button allRead = new Button(getTranslation("ui.messages.markAllRead"), e -> {
                inbox.markAllRead(candidateId);
                render();
            });
            allRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            allRead.setId("messages-mark-all-read");
            head.add(allRead);
        }
        add(head);
        Paragraph summary = new Paragraph(list.isEmpty() ? getTranslation("ui.messages.none")
                : getTranslation("ui.messages.summary", list.size(), unread));
        summary.addClassName("sh-hint");
        summary.setId("messages-summary");
        add(summary);
        Div items = new Div();
        items.setId("messages");
        items.getElement().setAttribute("role", "list");
        list.forEach(m -> items.add(item(candidateId, m)));
        add(items);
    }

    private Component item(Long candidateId, CandidateMessage message) {
        boolean unread = message.getReadAt() == null;
        Div card = new Div();
        card.addClassNames("sh-card", "sh-message");
        card.getElement().setAttribute("role", "listitem");
        card.getElement().setAttribute("data-message-id", String.valueOf(message.getId()));
        Div head = new Div();
        head.addClassName("sh-card-head");
        if (unread) {
            card.addClassName("sh-is-unread");
            Span badge = new Span(getTranslation("ui.messages.unread"));
            badge.addClassNames("sh-badge", "sh-unread");
            head.add(badge);
        }
        head.add(new H3(message.getTitle()));
        Span spacer = new Span();
        spacer.addClassName("sh-spacer");
        Span time = new Span(ShanghaiTime.format(message.getCreatedAt()));
        time.addClassName("sh-message-time");
        head.add(spacer, time);
        card.add(head, new Paragraph(message.getBody()));
        if (unread) {
            Button read = new Button(getTranslation("ui.messages.markRead"), e -> {
                try {
                    inbox.markRead(candidateId, message.getId());
                } catch (ShenchaException ex) {
                    Toasts.error(messages.describe(getLocale(), ex));
                }
                render();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL);
            read.getElement().setAttribute("aria-label", getTranslation("ui.messages.markReadOf", message.getTitle()));
            card.add(read);
        }
        return card;
    }
}
