package cn.shencha.retention.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 数据保留 in the app's navigation, after the admin pages, for administrators only. */
@Configuration(proxyBeanMethods = false)
class RetentionNavigation {

    record RetentionEntry(String labelKey, String path, int order) implements NavigationEntry {

        @Override
        public boolean visibleToCurrentUser() {
            return CurrentUser.get().filter(u -> u.isStaff() && u.staffScope().admin()).isPresent();
        }
    }

    @Bean
    NavigationEntry retentionEntry() {
        return new RetentionEntry("retention.nav", RetentionView.ROUTE, 170);
    }
}
