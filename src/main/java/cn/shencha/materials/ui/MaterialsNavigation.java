package cn.shencha.materials.ui;

import cn.shencha.base.ui.CandidateNavigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upload page in the app shell's navigation. */
@Configuration(proxyBeanMethods = false)
class MaterialsNavigation {

    @Bean
    CandidateNavigation materialsNavigationEntry() {
        return new CandidateNavigation("nav.materials", "materials", 20);
    }
}
