package cn.shencha.base.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.security.StaffScope;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** Staff landing page: where to review (Tasklist) and, for administrators, the admin tools. */
@Route("staff")
@RolesAllowed(Roles.STAFF)
public class StaffHomeView extends VerticalLayout implements HasDynamicTitle {

    public StaffHomeView() {
        StaffScope scope = CurrentUser.staffScope();
        List<String> covered = new ArrayList<>();
        scope.siteCodes().stream().sorted().forEach(code -> covered.add("考点 " + code));
        scope.districtCodes().stream().sorted().forEach(code -> covered.add("考区 " + code));
        if (scope.admin()) {
            covered.add("全部 (admin)");
        }
        add(new H2(getTranslation("staff.title")),
                new Paragraph(getTranslation("staff.scope", String.join("、", covered))),
                link("/camunda/app/tasklist/", "staff.tasklist"));
        if (scope.admin()) {
            add(link("/camunda/app/cockpit/", "staff.cockpit"), link("/camunda/app/admin/", "staff.admin"));
        }
    }

    private Anchor link(String href, String key) {
        Anchor anchor = new Anchor(href, getTranslation(key));
        anchor.setRouterIgnore(true);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.title");
    }
}
