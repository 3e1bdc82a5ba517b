package cn.shencha.base.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateAccountService;
import cn.shencha.materials.ui.MaterialsView;
import cn.shencha.support.TestData;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ActivationViewTests extends KaribuViewTest {

    @Autowired
    CandidateAccountService accounts;

    private Candidate candidate;
    private String idNumber;

    @BeforeEach
    void newCandidate() {
        idNumber = TestData.validIdNumber();
        candidate = unactivatedCandidate("1201", idNumber);
        navigate("activate");
    }

    @Test
    void activationSignsTheCandidateInAndOpensTheUploadPage() {
        fill(candidate.getRegistrationNo(), idNumber, "Neu2026pass", "Neu2026pass");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        expectView(MaterialsView.class);
        assertThat(CurrentUser.candidateId()).isEqualTo(candidate.getId());
        assertThat(accounts.authenticate(candidate.getRegistrationNo(), "Neu2026pass")).isPresent();
    }

    @Test
    void wrongIdNumberIsRefusedWithoutSayingWhichPartIsWrong() {
        String other = TestData.validIdNumber();
        while (other.equals(idNumber)) {
            other = TestData.validIdNumber();
        }
        fill(candidate.getRegistrationNo(), other, "Neu2026pass", "Neu2026pass");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        expectView(ActivationView.class);
        assertThat(error()).isEqualTo("报名号或身份证件号码不正确，请核对后重试。");
        assertThat(_get(TextField.class, spec -> spec.withId("activation-id-number")).isInvalid()).isTrue();
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(accounts.isRegisteredButNotActivated(candidate.getRegistrationNo())).isTrue();
    }

    @Test
    void unknownRegistrationNumberGetsTheSameMessage() {
        fill("129999999999", idNumber, "Neu2026pass", "Neu2026pass");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        assertThat(error()).isEqualTo("报名号或身份证件号码不正确，请核对后重试。");
    }

    @Test
    void alreadyActivatedAccountIsToldToSignIn() {
        Candidate activated = testData.candidate("1201");
        fill(activated.getRegistrationNo(), activated.getIdNumber(), "Neu2026pass", "Neu2026pass");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        expectView(ActivationView.class);
        assertThat(error()).isEqualTo("该账号已激活，请直接登录。");
        assertThat(accounts.authenticate(activated.getRegistrationNo(), TestData.PASSWORD)).isPresent();
    }

    @Test
    void weakPasswordIsRefused() {
        fill(candidate.getRegistrationNo(), idNumber, "short1", "short1");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        assertThat(error()).isEqualTo("密码须为8至64位，同时包含字母和数字，不能是常见密码（如 password1），也不能包含报名号或身份证号。");
        assertThat(_get(PasswordField.class, spec -> spec.withId("activation-password")).isInvalid()).isTrue();
        assertThat(accounts.isRegisteredButNotActivated(candidate.getRegistrationNo())).isTrue();
    }

    @Test
    void differentRepeatedPasswordIsRefusedBeforeAskingTheService() {
        fill(candidate.getRegistrationNo(), idNumber, "Neu2026pass", "Neu2026pasz");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        assertThat(error()).isEqualTo("两次输入的密码不一致。");
        assertThat(accounts.isRegisteredButNotActivated(candidate.getRegistrationNo())).isTrue();
    }

    @Test
    void emptyFieldsAreMarked() {
        fill(candidate.getRegistrationNo(), "", "", "");
        _click(_get(Button.class, spec -> spec.withId("activation-submit")));

        assertThat(error()).isEqualTo("请填写全部带 * 的项目。");
        assertThat(_get(TextField.class, spec -> spec.withId("activation-id-number")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("activation-registration-no")).isInvalid()).isFalse();
    }

    private void fill(String registrationNo, String id, String password, String repeat) {
        _setValue(_get(TextField.class, spec -> spec.withId("activation-registration-no")), registrationNo);
        _setValue(_get(TextField.class, spec -> spec.withId("activation-id-number")), id);
        _setValue(_get(PasswordField.class, spec -> spec.withId("activation-password")), password);
        _setValue(_get(PasswordField.class, spec -> spec.withId("activation-repeat")), repeat);
    }

    private String error() {
        Paragraph error = _get(Paragraph.class, spec -> spec.withId("activation-error"));
        assertThat(error.isVisible()).isTrue();
        return error.getText();
    }
}
