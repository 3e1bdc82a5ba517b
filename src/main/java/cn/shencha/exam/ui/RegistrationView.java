package cn.shencha.exam.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.Roles;
import cn.shencha.base.time.ShanghaiTime;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.District;
import cn.shencha.exam.DistrictRepository;
import cn.shencha.exam.ExamSiteRepository;
import cn.shencha.exam.Phase;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 报名信息: the candidate's registration, the upload window and where their case stands. */
@Route("registration")
@RolesAllowed(Roles.CANDIDATE)
public class RegistrationView extends VerticalLayout implements HasDynamicTitle {

    public RegistrationView(CandidateRepository candidates, DistrictRepository districts, ExamSiteRepository sites) {
        Candidate candidate = candidates.findById(CurrentUser.candidateId()).orElseThrow();
        District district = districts.findById(candidate.getDistrictCode()).orElseThrow();
        String siteName = sites.findById(candidate.getSiteCode()).map(s -> s.getName()).orElse(candidate.getSiteCode());

        FormLayout info = new FormLayout();
        info.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        info.addFormItem(new Span(candidate.getName()), getTranslation("registration.name"));
        info.addFormItem(new Span(candidate.getRegistrationNo()), getTranslation("registration.registrationNo"));
        info.addFormItem(new Span(candidate.getMaskedIdNumber()), getTranslation("registration.idNumber"));
        info.addFormItem(new Span(candidate.getExamCategory()), getTranslation("registration.category"));
        info.addFormItem(new Span(district.getName()), getTranslation("registration.district"));
        info.addFormItem(new Span(siteName), getTranslation("registration.site"));
        info.addFormItem(new Span(ShanghaiTime.format(district.getUploadStart()) + " – "
                + ShanghaiTime.format(candidate.effectiveUploadDeadline(district))), getTranslation("registration.window"));
        info.addFormItem(new Span(phaseText(candidate)), getTranslation("registration.phase"));
        add(new H2(getTranslation("registration.title")), info);
    }

    private String phaseText(Candidate candidate) {
        if (candidate.getPhase() == Phase.SITE_REVIEW && candidate.getSubmittedAt() == null) {
            return getTranslation("phase.AUTO_LOCKED");
        }
        return getTranslation("phase." + candidate.getPhase().name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title");
    }
}
