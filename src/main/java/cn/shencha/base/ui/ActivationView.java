package cn.shencha.base.ui;

import cn.shencha.base.i18n.Messages;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.base.security.CandidateAccounts;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * First visit (the manuals' "使用考试报名系统的账号进行授权"): the registration number and ID number from
 * the registration system, and a new password. The rules are the exam module's (CandidateAccounts); this page only
 * says which field a refusal concerns. Once activated the candidate is signed in and goes straight on to
 * the upload page, as the manuals describe.
 */
@Route(value = "activate", autoLayout = false)
@AnonymousAllowed
@StyleSheet("context://styles/shencha.css")
public class ActivationView extends VerticalLayout implements HasDynamicTitle {

    /** Where a candidate lands after activation: the upload page. */
    static final String AFTER_ACTIVATION = "materials";

    private final TextField registrationNo = new TextField(getTranslation("activation.registrationNo"));
    private final TextField idNumber = new TextField(getTranslation("activation.idNumber"));
    private final PasswordField password = new PasswordField(getTranslation("activation.password"));
    private final PasswordField repeat = new PasswordField(getTranslation("activation.repeat"));
    private final Paragraph error = new Paragraph();
    private final CandidateAccounts accounts;
    private final UiSignIn signIn;
    private final Messages messages;

    public ActivationView(CandidateAccounts accounts, UiSignIn signIn, Messages messages) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.messages = messages;
        setPadding(false);
        setSpacing(false);
        setAlignItems(Alignment.CENTER);

        registrationNo.setAllowedCharPattern("[0-9]");
        registrationNo.setMaxLength(20);
        registrationNo.setHelperText(getTranslation("ui.activation.registrationNo.help"));
        registrationNo.getElement().setAttribute("inputmode", "numeric");
        registrationNo.getElement().setAttribute("autocomplete", "username");
        idNumber.setAllowedCharPattern("[0-9Xx]");
        idNumber.setMaxLength(18);
        idNumber.setHelperText(getTranslation("ui.activation.idNumber.help"));
        idNumber.getElement().setAttribute("autocomplete", "off");
        password.setHelperText(getTranslation("activation.password.help"));
        password.getElement().setAttribute("autocomplete", "new-password");
        repeat.getElement().setAttribute("autocomplete", "new-password");
        for (TextFieldBase<?, ?> field : new TextFieldBase<?, ?>[]{registrationNo, idNumber, password, repeat}) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
        }
        registrationNo.setId("activation-registration-no");
        idNumber.setId("activation-id-number");
        password.setId("activation-password");
        repeat.setId("activation-repeat");

        error.addClassName("sh-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("activation-error");
        error.setVisible(false);

        Button activate = new Button(getTranslation("activation.submit"), e -> activate());
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClickShortcut(Key.ENTER);
        activate.setWidthFull();
        activate.setId("activation-submit");
        activate.addClassName("sh-submit");

        H1 title = new H1(getTranslation("activation.title"));
        title.addClassName("sh-title");
        Paragraph hint = new Paragraph(getTranslation("activation.hint"));
        hint.addClassName("sh-hint");
        RouterLink toLogin = new RouterLink(getTranslation("activation.toLogin"), LoginView.class);
        // The page's one <main> landmark, after the header (the banner).
        Main body = new Main(title, hint, registrationNo, idNumber, password, repeat, error, activate, new Paragraph(toLogin));
        body.addClassName("sh-public");
        add(new PublicHeader(), body);
    }

    private void activate() {
        clearErrors();
        if (registrationNo.isEmpty() || idNumber.isEmpty() || password.isEmpty() || repeat.isEmpty()) {
            for (TextFieldBase<?, ?> field : new TextFieldBase<?, ?>[]{registrationNo, idNumber, password, repeat}) {
                field.setInvalid(field.isEmpty());
            }
            showError(getTranslation("ui.activation.missing"));
            return;
        }
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("activation.mismatch"));
            repeat.setInvalid(true);
            showError(getTranslation("activation.mismatch"));
            return;
        }
        try {
            accounts.activate(registrationNo.getValue(), idNumber.getValue(), password.getValue());
        } catch (ShenchaException ex) {
            switch (ex.getCode()) {
                case "ACTIVATION_MISMATCH" -> {
                    registrationNo.setInvalid(true);
                    idNumber.setInvalid(true);
                }
                case "WEAK_PASSWORD" -> password.setInvalid(true);
                default -> {
                }
            }
            showError(messages.describe(getLocale(), ex));
            return;
        }
        if (signIn.signIn(registrationNo.getValue().strip(), password.getValue())) {
            Toasts.success(getTranslation("ui.activation.done"));
            getUI().ifPresent(ui -> ui.navigate(AFTER_ACTIVATION));
        } else {
            Toasts.success(getTranslation("activation.done"));
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        }
    }

    private void clearErrors() {
        error.setVisible(false);
        for (TextFieldBase<?, ?> field : new TextFieldBase<?, ?>[]{registrationNo, idNumber, password, repeat}) {
            field.setInvalid(false);
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("activation.title");
    }
}
