package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.review.MaterialsAutoLocked;
import cn.shencha.review.VerdictPublished;
import cn.shencha.support.TestClockConfig;
import cn.shencha.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * notify as a module (docs/architecture.md): started with only the modules it depends on (admin and demo left out),
 * it turns the review module's {@link VerdictPublished} into one notice for the candidate, with the in-app message
 * and the outbox's deliveries. The event comes from the test as the review process would publish it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"review", "materials"})
@ActiveProfiles("test")
@Import({TestClockConfig.class, TestData.class})
class CaseNoticesModuleTests {

    @Autowired
    TestData testData;
    @Autowired
    CandidateMessages messages;
    @Autowired
    NotificationRepository notifications;

    @Test
    void aPublishedVerdictBecomesOneNoticeKeyedByTheEvent(Scenario scenario) {
        testData.resetDistricts();
        Candidate candidate = testData.candidate("1201");
        VerdictPublished event = new VerdictPublished(UUID.randomUUID(), candidate.getId(), candidate.getName());

        scenario.publish(event)
                .andWaitForStateChange(() -> notifications.findByIdempotencyKey(event.id().toString()))
                .andVerify(notification -> {
                    assertThat(notification).get().extracting(Notification::getKind).isEqualTo(NoticeKind.VERDICT_PUBLISHED);
                    assertThat(messages.of(candidate.getId())).singleElement()
                            .satisfies(m -> assertThat(m.getKind()).isEqualTo(NoticeKind.VERDICT_PUBLISHED));
                });
    }

    @Test
    void aBatchOfAutoLockedCasesBecomesOneNoticeForEachOfItsCandidates(Scenario scenario) {
        testData.resetDistricts();
        Candidate first = testData.candidate("1201");
        Candidate second = testData.candidate("1202");
        MaterialsAutoLocked event = new MaterialsAutoLocked(UUID.randomUUID(), List.of(
                new MaterialsAutoLocked.LockedCase(first.getId(), first.getName()),
                new MaterialsAutoLocked.LockedCase(second.getId(), second.getName())));

        scenario.publish(event)
                .andWaitForStateChange(() -> notifications.findByIdempotencyKey(event.idFor(second.getId()).toString()))
                .andVerify(notification -> {
                    for (Candidate candidate : List.of(first, second)) {
                        assertThat(notifications.findByIdempotencyKey(event.idFor(candidate.getId()).toString())).get()
                                .satisfies(n -> assertThat(n.getKind()).isEqualTo(NoticeKind.MATERIALS_AUTO_LOCKED))
                                .satisfies(n -> assertThat(n.getCandidateId()).isEqualTo(candidate.getId()));
                        assertThat(messages.of(candidate.getId())).singleElement()
                                .satisfies(m -> assertThat(m.getKind()).isEqualTo(NoticeKind.MATERIALS_AUTO_LOCKED));
                    }
                });
    }
}
