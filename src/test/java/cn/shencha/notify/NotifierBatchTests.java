package cn.shencha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Many candidates' notices of one event (a batch of the deadline night), each written once. */
@ShenchaSpringTest
class NotifierBatchTests {

    @Autowired Notifier notifier;
    @Autowired TestData testData;
    @Autowired TransactionTemplate tx;
    @Autowired CandidateMessages messages;
    @Autowired NotificationRepository notifications;

    @Test
    void eachCandidateIsToldOnceAlsoWhenTheBatchIsHandledAgain() {
        testData.resetDistricts();
        Candidate first = testData.candidate("1201");
        Candidate second = testData.candidate("1301");
        List<Notifier.CandidateNotice> notices = List.of(
                new Notifier.CandidateNotice(UUID.randomUUID(), first.getId(), List.of(first.getName())),
                new Notifier.CandidateNotice(UUID.randomUUID(), second.getId(), List.of(second.getName())));

        Integer firstRun = tx.execute(s -> notifier.notifyCandidatesOnce(NoticeKind.MATERIALS_AUTO_LOCKED, notices));
        Integer again = tx.execute(s -> notifier.notifyCandidatesOnce(NoticeKind.MATERIALS_AUTO_LOCKED, notices));

        assertThat(firstRun).isEqualTo(2);
        assertThat(again).isZero();
        for (Notifier.CandidateNotice notice : notices) {
            assertThat(notifications.findByIdempotencyKey(notice.key().toString())).get()
                    .satisfies(n -> assertThat(n.getCandidateId()).isEqualTo(notice.candidateId()))
                    .satisfies(n -> assertThat(n.getKind()).isEqualTo(NoticeKind.MATERIALS_AUTO_LOCKED));
            assertThat(messages.of(notice.candidateId())).singleElement()
                    .satisfies(m -> assertThat(m.getBody()).contains("测试考生"));
        }
    }
}
