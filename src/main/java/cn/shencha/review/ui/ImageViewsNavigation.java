package cn.shencha.review.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.ShenchaUser;
import cn.shencha.base.ui.NavigationEntry;
import org.springframework.stereotype.Component;

/** 图片查看记录 in the navigation, for administrators. */
@Component
class ImageViewsNavigation implements NavigationEntry {

    @Override
    public String labelKey() {
        return "nav.imageViews";
    }

    @Override
    public String path() {
        return ImageViewsView.ROUTE;
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return CurrentUser.get().filter(ShenchaUser::isStaff).map(u -> u.staffScope().admin()).orElse(false);
    }
}
