package cn.shencha.notify.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.ui.NavigationEntry;
import org.springframework.stereotype.Component;

/** 通知发送 in the navigation, for administrators. */
@Component
class NotificationsNavigation implements NavigationEntry {

    @Override
    public String labelKey() {
        return "nav.notifications";
    }

    @Override
    public String path() {
        return "admin/notifications";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return CurrentUser.get().filter(ShenchaUser::isStaff).map(u -> u.staffScope().admin()).orElse(false);
    }
}
