package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.DistrictSchedule;
import cn.shencha.admin.AdminTestData;
import cn.shencha.admin.Progress;
import cn.shencha.admin.ScheduleAdminService;
import cn.shencha.review.SubmissionService;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders 48 h and 6 h before the upload deadline, to candidates who have not submitted, following
 * the deadline as the district schedule and personal extensions say it is at the time.
 */
@ShenchaSpringTest
class UploadRemindersTests extends NotifyTestSupport {

    /** Tianjin's upload deadline in the test data: 2026-02-11 24:00 Shanghai (2月11日24时). */
    static final Instant DEADLINE = TestData.TIANJIN_2026.uploadDeadline();

    @Autowired
    UploadReminders reminders;
    @Autowired
    UploadReminderRepository sent;
    @Autowired
    ScheduleAdminService deadlineService;
    @Autowired
    SubmissionService submissions;

    @BeforeEach
    void signInAsAdmin() {
        AdminTestData.signInAsAdmin();
    }

    @AfterEach
    void restoreSchedule() {
        AdminTestData.signOut();
        testData.resetDistricts();
    }

    @Test
    void remindsAt48AndAt6HoursBeforeTheDeadlineOnceEach() {
        Candidate candidate = testData.candidate("1201");

        clock.set(DEADLINE.minus(Duration.ofHours(49)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).isEmpty();

        clock.set(DEADLINE.minus(Duration.ofHours(47)));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(1);
        assertThat(remindersOf(candidate).get(0).getBody()).isEqualTo("测试考生，您好：您的报名材料上传将于2026-02-11 24:00截止，"
                + "您尚未提交审核。请尽快上传所需材料并点击“提交审核”；截止后系统将自动锁定材料，无法再修改。");
        assertThat(delivery(remindersOf(candidate).get(0), Channel.SMS).getState()).isEqualTo(DeliveryState.QUEUED);

        clock.set(DEADLINE.minus(Duration.ofHours(7)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(1);

        clock.set(DEADLINE.minus(Duration.ofHours(5)));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(2);
        assertThat(sent.findByCandidateIdOrderById(candidate.getId())).extracting(UploadReminder::getLeadHours)
                .containsExactly(48, 6);

        clock.set(DEADLINE.plus(Duration.ofMinutes(1)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(2);
    }

    @Test
    void candidatesWhoSubmittedAreNotReminded() {
        Candidate candidate = testData.candidate("1201");
        testData.completeRequiredMaterials(candidate);
        submissions.submit(candidate.getId(), Locale.SIMPLIFIED_CHINESE);

        clock.set(DEADLINE.minus(Duration.ofHours(47)));
        reminders.sendDue();

        assertThat(remindersOf(candidate)).isEmpty();
    }

    @Test
    void aPostponedDistrictDeadlineIsRemindedAgainRelativeToTheNewDeadline() {
        Candidate candidate = testData.candidate("1201");
        clock.set(DEADLINE.minus(Duration.ofHours(47)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(1);

        // A ten-minute correction of the deadline does not remind twice.
        deadlineService.changeSchedule("12", schedule(DEADLINE.plus(Duration.ofMinutes(10))), false, Progress.NONE);
        clock.advance(Duration.ofMinutes(1));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(1);

        // Postponed by three days: the 48-hour reminder comes again, 48 hours before the new deadline.
        Instant postponed = DEADLINE.plus(Duration.ofDays(3));
        deadlineService.changeSchedule("12", schedule(postponed), false, Progress.NONE);
        clock.set(postponed.minus(Duration.ofHours(49)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(1);
        clock.set(postponed.minus(Duration.ofHours(47)));
        reminders.sendDue();
        assertThat(remindersOf(candidate)).hasSize(2);
        assertThat(remindersOf(candidate).get(1).getParams()).containsExactly("测试考生", "2026-02-14 24:00");
    }

    @Test
    void aPersonalExtensionMovesTheRemindersOfThatCandidateOnly() {
        Candidate extended = testData.candidate("1201");
        Candidate neighbour = testData.candidate("1201");
        Instant personal = DEADLINE.plus(Duration.ofDays(2));
        deadlineService.extendUploadDeadline(extended.getRegistrationNo(), personal, "住院", false);

        clock.set(DEADLINE.minus(Duration.ofHours(5)));
        reminders.sendDue();
        assertThat(remindersOf(neighbour)).hasSize(1);
        assertThat(remindersOf(extended)).isEmpty();

        clock.set(personal.minus(Duration.ofHours(5)));
        reminders.sendDue();
        assertThat(remindersOf(extended)).hasSize(1);
        assertThat(remindersOf(extended).get(0).getParams()).containsExactly("测试考生", "2026-02-13 24:00");
        assertThat(sent.findByCandidateIdOrderById(extended.getId())).extracting(UploadReminder::getLeadHours)
                .containsExactly(6); // the 48-hour window had passed unnoticed: only the most urgent one
    }

    @Test
    void theDueLeadIsTheShortestWindowThatHasOpened() {
        List<Duration> leads = List.of(Duration.ofHours(6), Duration.ofHours(48));
        Instant deadline = DEADLINE;
        assertThat(UploadReminders.dueLead(leads, deadline, deadline.minus(Duration.ofHours(49)))).isEmpty();
        assertThat(UploadReminders.dueLead(leads, deadline, deadline.minus(Duration.ofHours(48)))).contains(Duration.ofHours(48));
        assertThat(UploadReminders.dueLead(leads, deadline, deadline.minus(Duration.ofHours(6)))).contains(Duration.ofHours(6));
        assertThat(UploadReminders.dueLead(leads, deadline, deadline.minusSeconds(1))).contains(Duration.ofHours(6));
        assertThat(UploadReminders.dueLead(leads, deadline, deadline)).isEmpty();
    }

    private List<Notification> remindersOf(Candidate candidate) {
        return notifications.findByCandidateIdOrderByIdDesc(candidate.getId(), org.springframework.data.domain.Pageable.unpaged())
                .stream().filter(n -> n.getKind() == NoticeKind.UPLOAD_REMINDER)
                .sorted(java.util.Comparator.comparing(Notification::getId)).toList();
    }

    private static DistrictSchedule schedule(Instant uploadDeadline) {
        DistrictSchedule base = TestData.TIANJIN_2026;
        return new DistrictSchedule(base.uploadStart(), uploadDeadline, base.supplementDeadline().plus(Duration.ofDays(5)),
                base.resultsPublishAt().plus(Duration.ofDays(5)));
    }
}
