package cn.shencha.base.ui;

import com.vaadin.flow.component.Component;

/**
 * How many of a candidate's in-app messages are unread, and the inbox page, for the link to it on the candidate's
 * pages. The notify module owns the messages and implements this, so that those pages need not use notify.
 */
public interface UnreadMessages {

    long unreadCount(Long candidateId);

    Class<? extends Component> inboxView();
}
