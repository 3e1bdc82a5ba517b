package cn.shencha.admin.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.ui.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin pages in the app's navigation, shown to administrators only. */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

    record AdminEntry(String labelKey, String path, int order) implements NavigationEntry {

        @Override
        public boolean visibleToCurrentUser() {
            return isAdmin();
        }
    }

    static boolean isAdmin() {
        return CurrentUser.get().filter(u -> u.isStaff() && u.staffScope().admin()).isPresent();
    }

    @Bean
    NavigationEntry adminDashboardEntry() {
        return new AdminEntry("admin.nav.dashboard", DashboardView.ROUTE, 100);
    }

    @Bean
    NavigationEntry adminDeadlinesEntry() {
        return new AdminEntry("admin.nav.deadlines", DeadlinesView.ROUTE, 110);
    }

    @Bean
    NavigationEntry adminCandidatesEntry() {
        return new AdminEntry("admin.nav.candidates", CandidatesView.ROUTE, 120);
    }

    @Bean
    NavigationEntry adminResultsEntry() {
        return new AdminEntry("admin.nav.results", ResultsView.ROUTE, 130);
    }

    @Bean
    NavigationEntry adminDistrictsEntry() {
        return new AdminEntry("admin.nav.districts", DistrictsView.ROUTE, 140);
    }

    @Bean
    NavigationEntry adminCatalogEntry() {
        return new AdminEntry("admin.nav.catalog", CatalogView.ROUTE, 150);
    }

    @Bean
    NavigationEntry adminSeasonsEntry() {
        return new AdminEntry("admin.nav.seasons", SeasonsView.ROUTE, 160);
    }
}
