package cn.shencha.base.ui;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.exam.CandidateAccountService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** First visit: activate the account with the registration number and ID number, and choose a password. */
@Route("activate")
@AnonymousAllowed
public class ActivationView extends VerticalLayout implements HasDynamicTitle {

    public ActivationView(CandidateAccountService accounts, Messages messages) {
        setAlignItems(Alignment.CENTER);
        setMaxWidth("28rem");
        getStyle().set("margin", "0 auto");

        TextField registrationNo = new TextField(getTranslation("activation.registrationNo"));
        TextField idNumber = new TextField(getTranslation("activation.idNumber"));
        PasswordField password = new PasswordField(getTranslation("activation.password"));
        password.setHelperText(getTranslation("activation.password.help"));
        PasswordField repeat = new PasswordField(getTranslation("activation.repeat"));
        for (var field : new com.vaadin.flow.component.textfield.TextFieldBase<?, ?>[]{registrationNo, idNumber, password, repeat}) {
            field.setWidthFull();
            field.setRequired(true);
        }
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        Button activate = new Button(getTranslation("activation.submit"), e -> {
            error.setVisible(false);
            if (!password.getValue().equals(repeat.getValue())) {
                error.setText(getTranslation("activation.mismatch"));
                error.setVisible(true);
                return;
            }
            try {
                accounts.activate(registrationNo.getValue(), idNumber.getValue(), password.getValue());
                Notification.show(getTranslation("activation.done"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (ShenchaException ex) {
                error.setText(messages.describe(getLocale(), ex));
                error.setVisible(true);
            }
        });
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.setWidthFull();

        add(new H1(getTranslation("activation.title")), new Paragraph(getTranslation("activation.hint")),
                registrationNo, idNumber, password, repeat, error, activate,
                new Anchor("login", getTranslation("activation.toLogin")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activation.title");
    }
}
