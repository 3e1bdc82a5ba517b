package cn.shencha.materials;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ShenchaSpringTest
class MaterialUploadServiceTests {

    @Autowired
    TestData data;
    @Autowired
    MaterialUploadService uploads;
    @Autowired
    MaterialOverviewService overview;

    @BeforeEach
    void reset() {
        data.resetDistricts();
    }

    @Test
    void storesASmallJpegAsItIs() {
        Candidate candidate = data.candidate("1201");
        byte[] jpeg = TestImages.jpeg(TestImages.document(1000, 750, 1), 0.7f);

        UploadResult result = uploads.upload(candidate.getId(), "DIPLOMA", "diploma.jpg", jpeg, Locale.CHINESE);

        assertThat(result.image().width()).isEqualTo(1200);
        assertThat(result.notes()).isEmpty();
        assertThat(overview.image(candidate.getId(), result.image().id()).bytes()).isEqualTo(jpeg);
    }
}
