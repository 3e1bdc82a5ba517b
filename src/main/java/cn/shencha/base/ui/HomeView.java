package cn.shencha.base.ui;

import cn.shencha.base.security.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** "/" sends candidates to their registration and staff to their workbench. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean candidate = CurrentUser.get().map(u -> u.isCandidate()).orElse(false);
        event.forwardTo(candidate ? "registration" : "staff");
    }
}
