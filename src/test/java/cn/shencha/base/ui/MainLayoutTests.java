package cn.shencha.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.admin.AdminTestData;
import cn.shencha.materials.ui.RegistrationView;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.sidenav.SideNav;
import org.junit.jupiter.api.Test;

/** The app shell as screen readers meet it: one <main> around the page, an H1, a navigation named for its user. */
class MainLayoutTests extends KaribuViewTest {

    @Test
    void aCandidatesPageSitsInMainUnderTheH1WithTheCandidatesNavigation() {
        signIn(testData.candidate("1201"));
        navigate("registration");

        Main main = _get(Main.class);
        assertThat(main.getChildren()).singleElement().isInstanceOf(RegistrationView.class);
        assertThat(_get(H1.class).getText()).isEqualTo(getTranslation("app.shortTitle"));
        SideNav nav = _get(SideNav.class);
        assertThat(nav.getLabel()).isEqualTo("考生导航");
        assertThat(nav.getI18n().getToggle()).isEqualTo("展开或收起子菜单");

        navigate("materials");
        assertThat(_get(Main.class).getChildren()).singleElement().isNotInstanceOf(RegistrationView.class);
    }

    @Test
    void staffSeeTheStaffNavigation() {
        AdminTestData.signInAsReviewer();
        navigate("staff");

        assertThat(_get(Main.class).getChildren()).singleElement().isInstanceOf(StaffHomeView.class);
        assertThat(_get(SideNav.class).getLabel()).isEqualTo("工作人员导航");
    }

    private static String getTranslation(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key);
    }
}
