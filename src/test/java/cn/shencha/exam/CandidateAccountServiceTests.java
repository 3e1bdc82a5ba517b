package cn.shencha.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@ShenchaSpringTest
class CandidateAccountServiceTests {

    @Autowired CandidateAccountService accounts;
    @Autowired CandidateRepository candidates;
    @Autowired TestData data;
    @Autowired TransactionTemplate tx;

    @Test
    void repeatedWrongIdNumbersLockActivationEvenForTheRightOneAfterwards() {
        data.resetDistricts();
        String idNumber = TestData.validIdNumber();
        Candidate candidate = tx.execute(s -> candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"),
                "测试考生", idNumber, null, ExamCategories.CLINICAL, "12", "1201", data.clock().instant())));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.activate(candidate.getRegistrationNo(), "110101199001011237", "Secret2026"))
                    .extracting("code").isEqualTo("ACTIVATION_MISMATCH");
        }
        assertThatThrownBy(() -> accounts.activate(candidate.getRegistrationNo(), idNumber, "Secret2026"))
                .extracting("code").isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(candidates.findById(candidate.getId()).orElseThrow().isActivated()).isFalse();
    }

    @Test
    void aPasswordWithTheIdNumberIsRefusedWhateverTheCaseOfItsX() {
        data.resetDistricts();
        String idNumber = IntStream.range(0, 1000).mapToObj(i -> IdNumbers.withCheckCharacter("1201011995030" + String.format("%04d", i)))
                .filter(id -> id.endsWith("X")).findFirst().orElseThrow();
        Candidate candidate = tx.execute(s -> candidates.save(new Candidate(TestData.SEASON, TestData.uniqueRegistrationNo("1201"),
                "测试考生", idNumber, null, ExamCategories.CLINICAL, "12", "1201", data.clock().instant())));

        // Before the fix only the exact spelling was refused.
        assertThatThrownBy(() -> accounts.activate(candidate.getRegistrationNo(), idNumber, "pw" + idNumber.toLowerCase()))
                .extracting("code").isEqualTo("WEAK_PASSWORD");
        assertThat(candidates.findById(candidate.getId()).orElseThrow().isActivated()).isFalse();
    }
}
