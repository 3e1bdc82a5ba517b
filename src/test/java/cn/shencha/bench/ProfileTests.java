package cn.shencha.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTests {

    @Test
    void aSampleIsChargedToTheTopmostLibraryFrameNotToTheJdk() {
        assertThat(Profile.partOf(List.of("java.util.HashMap", "org.hibernate.engine.spi.ActionQueue",
                "cn.shencha.review.ReviewDecisionService"))).isEqualTo("Hibernate");
        assertThat(Profile.partOf(List.of("org.apache.ibatis.executor.SimpleExecutor", "org.camunda.bpm.engine.impl.TaskServiceImpl")))
                .isEqualTo("MyBatis (Camunda's SQL)");
        assertThat(Profile.partOf(List.of("cn.shencha.materials.image.BlurMeter", "cn.shencha.materials.UploadService")))
                .isEqualTo("our image check");
        assertThat(Profile.partOf(List.of("java.lang.Thread"))).isEqualTo("JDK only (no library frame)");
    }

    @Test
    void aSampleIsOwnedByWhoeverIsNearestTheTop() {
        assertThat(Profile.owner(List.of("org.hibernate.loader.Loader", "cn.shencha.review.ReviewTaskListener",
                "org.camunda.bpm.engine.impl.TaskServiceImpl", "cn.shencha.review.ReviewDecisionService"))).isEqualTo(Profile.OURS);
        assertThat(Profile.owner(List.of("com.mysql.cj.NativeSession", "cn.shencha.bench.StatementCounter",
                "org.apache.ibatis.executor.SimpleExecutor", "org.camunda.bpm.engine.impl.TaskServiceImpl",
                "cn.shencha.review.ReviewDecisionService"))).isEqualTo(Profile.ENGINE);
        assertThat(Profile.owner(List.of("org.apache.catalina.connector.Request"))).isEqualTo(Profile.NEITHER);
    }

    @Test
    void sharesAreListedLargestFirstWithTheSampleCount() {
        assertThat(Profile.describe(Map.of("Hibernate", 1, "Camunda engine", 3), 4, "request threads"))
                .isEqualTo("Camunda engine 75 %, Hibernate 25 % (4 samples of request threads)");
        assertThat(Profile.describe(Map.of(), 0, "request threads")).isEqualTo("no samples of request threads");
    }
}
