package cn.shencha.materials.ui;

import cn.shencha.base.security.Roles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 上传相关材料: the upload page of the manuals. */
@Route("materials")
@RolesAllowed(Roles.CANDIDATE)
public class MaterialsView extends Div implements HasDynamicTitle {

    public MaterialsView() {
        addClassName("sh-page");
        add(new H2(getTranslation("materials.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("materials.title");
    }
}
