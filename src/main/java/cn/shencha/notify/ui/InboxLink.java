package cn.shencha.notify.ui;

import cn.shencha.base.ui.UnreadMessages;
import cn.shencha.notify.CandidateMessages;
import org.springframework.stereotype.Service;

/** The unread count and the inbox page for the link on the candidate's registration page (materials). */
@Service
class InboxLink implements UnreadMessages {

    private final CandidateMessages messages;

    InboxLink(CandidateMessages messages) {
        this.messages = messages;
    }

    @Override
    public long unreadCount(Long candidateId) {
        return messages.unreadCount(candidateId);
    }

    @Override
    public Class<MessagesView> inboxView() {
        return MessagesView.class;
    }
}
