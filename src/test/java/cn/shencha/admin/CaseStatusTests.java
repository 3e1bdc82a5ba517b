package cn.shencha.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Phase;
import org.junit.jupiter.api.Test;

class CaseStatusTests {

    @Test
    void uploadingSplitsByWhetherAnythingWasUploaded() {
        assertThat(CaseStatus.of(Phase.UPLOADING, false, false, false)).isEqualTo(CaseStatus.NOT_STARTED);
        assertThat(CaseStatus.of(Phase.UPLOADING, false, true, false)).isEqualTo(CaseStatus.UPLOADING);
    }

    @Test
    void siteReviewSplitsIntoSubmittedAutoLockedAndBegun() {
        assertThat(CaseStatus.of(Phase.SITE_REVIEW, true, true, false)).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(CaseStatus.of(Phase.SITE_REVIEW, false, true, false)).isEqualTo(CaseStatus.AUTO_LOCKED);
        assertThat(CaseStatus.of(Phase.SITE_REVIEW, false, false, false)).isEqualTo(CaseStatus.AUTO_LOCKED);
        assertThat(CaseStatus.of(Phase.SITE_REVIEW, true, true, true)).isEqualTo(CaseStatus.IN_SITE_REVIEW);
        assertThat(CaseStatus.of(Phase.SITE_REVIEW, false, true, true)).isEqualTo(CaseStatus.IN_SITE_REVIEW);
    }

    @Test
    void theOtherPhasesMapOneToOne() {
        assertThat(CaseStatus.of(Phase.DISTRICT_REVIEW, true, true, true)).isEqualTo(CaseStatus.IN_DISTRICT_REVIEW);
        assertThat(CaseStatus.of(Phase.SUPPLEMENT, true, true, true)).isEqualTo(CaseStatus.IN_SUPPLEMENT);
        assertThat(CaseStatus.of(Phase.APPROVED, true, true, true)).isEqualTo(CaseStatus.APPROVED);
        assertThat(CaseStatus.of(Phase.REJECTED, false, true, true)).isEqualTo(CaseStatus.REJECTED);
    }
}
