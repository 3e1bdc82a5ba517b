package cn.shencha.materials.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.base.ui.KaribuViewTest;
import cn.shencha.exam.Candidate;
import cn.shencha.exam.CandidateRepository;
import cn.shencha.exam.Verdict;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ResultViewTests extends KaribuViewTest {

    @Autowired
    CandidateRepository candidates;

    private Candidate candidate;

    @BeforeEach
    void signedInCandidate() {
        candidate = testData.candidate("1201");
        signIn(candidate);
    }

    @Test
    void nothingToSeeBeforeTheReview() {
        navigate("result");
        expectView(ResultView.class);
        assertThat(result()).contains("审核结果尚未公布。", "考区计划于 2026-03-20 10:00 公布审核结果。");
        assertThat(_find(H3.class, spec -> spec.withId("result-verdict"))).isEmpty();
    }

    @Test
    void aRecordedVerdictStaysHiddenUntilPublished() {
        testData.verdict(candidate, Verdict.REJECTED, "学历不符合报考条件", false);
        navigate("result");
        assertThat(result()).contains("审核结果尚未公布。").doesNotContain("学历不符合报考条件", "不通过");
    }

    @Test
    void aPublishedRejectionShowsItsReason() {
        testData.verdict(candidate, Verdict.REJECTED, "学历不符合报考条件", true);
        navigate("result");
        assertThat(_get(H3.class, spec -> spec.withId("result-verdict")).getText()).isEqualTo("审核不通过");
        assertThat(result()).contains("原因：学历不符合报考条件", "公布时间：2026-02-01 09:00");
    }

    @Test
    void aPublishedApprovalHasNoReason() {
        testData.verdict(candidate, Verdict.APPROVED, null, true);
        navigate("result");
        assertThat(_get(H3.class, spec -> spec.withId("result-verdict")).getText()).isEqualTo("审核通过");
        assertThat(result()).doesNotContain("原因");
    }

    private static String result() {
        return _get(Div.class, spec -> spec.withId("result")).getElement().getTextRecursively();
    }
}
