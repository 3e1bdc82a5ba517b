package cn.shencha.materials.ui;

import cn.shencha.base.ui.CandidateNavigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The candidate's registration and result pages in the app shell's navigation. */
@Configuration(proxyBeanMethods = false)
class ExamNavigation {

    @Bean
    CandidateNavigation registrationNavigationEntry() {
        return new CandidateNavigation("nav.registration", "registration", 10);
    }

    @Bean
    CandidateNavigation resultNavigationEntry() {
        return new CandidateNavigation("nav.result", "result", 40);
    }
}
