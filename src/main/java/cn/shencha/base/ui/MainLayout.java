package cn.shencha.base.ui;

import cn.shencha.base.security.CurrentUser;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/**
 * The app shell: title, navigation (a drawer on phones), language switch and sign-out. Features add
 * their navigation entries through {@link NavigationEntry} beans.
 */
@Layout
@PermitAll
@StyleSheet("context://styles/shencha.css")
public class MainLayout extends AppLayout {

    private final Main main = new Main();

    public MainLayout(AuthenticationContext authentication, List<NavigationEntry> entries) {
        setPrimarySection(Section.NAVBAR);
        // The signed-in pages' H1 (their own titles are H2): the product, as the sign-in page names it.
        H1 title = new H1(getTranslation("app.shortTitle"));
        title.addClassName("sh-navbar-title");

        Span user = new Span(CurrentUser.get().map(u -> u.username()).orElse(""));
        user.addClassName("sh-navbar-user");
        Button logout = new Button(getTranslation("nav.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("ui.nav.menu"));

        HorizontalLayout bar = new HorizontalLayout(toggle, title, user, LanguageSwitch.create(), logout);
        bar.setSpacing(false);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(user);
        bar.getStyle().set("padding-right", "var(--lumo-space-s)");
        // The top bar is the page's banner landmark, as the sign-in page's header is.
        Header header = new Header(bar);
        header.setWidthFull();
        addToNavbar(header);

        SideNav nav = new SideNav();
        List<NavigationEntry> visible = new ArrayList<>(entries.stream().filter(NavigationEntry::visibleToCurrentUser).toList());
        visible.sort((a, b) -> Integer.compare(a.order(), b.order()));
        visible.forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.labelKey()), entry.path())));
        boolean candidate = CurrentUser.get().map(u -> u.isCandidate()).orElse(false);
        nav.setLabel(getTranslation(candidate ? "ui.nav.label" : "ui.nav.label.staff"));
        nav.setI18n(new SideNav.SideNavI18n().setToggle(getTranslation("ui.nav.toggle")));
        addToDrawer(new VerticalLayout(nav));
        setDrawerOpened(false);
        main.addClassName("sh-main");
        setContent(main);
    }

    /** Every page's content goes into one {@code <main>} landmark (AppLayout's own content area has none). */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }
}
