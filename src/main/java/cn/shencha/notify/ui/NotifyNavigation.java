package cn.shencha.notify.ui;

import cn.shencha.base.ui.CandidateNavigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The candidate's messages in the app shell's navigation. */
@Configuration(proxyBeanMethods = false)
class NotifyNavigation {

    @Bean
    CandidateNavigation messagesNavigationEntry() {
        return new CandidateNavigation("nav.messages", "messages", 30);
    }
}
