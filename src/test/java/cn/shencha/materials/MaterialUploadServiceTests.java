package cn.shencha.materials;

import cn.shencha.materials.internal.UploadResult;
import cn.shencha.materials.internal.UploadNotice;
import cn.shencha.materials.internal.MaterialTypeOverview;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.materials.internal.MaterialImageRepository;
import static cn.shencha.materials.MaterialRulesContract.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.support.ShenchaSpringTest;
import cn.shencha.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What the candidate is told about an upload, and refusals that leave nothing behind. */
@ShenchaSpringTest
class MaterialUploadServiceTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    TestData data;
    @Autowired
    MaterialUploadService uploads;
    @Autowired
    MaterialOverviewService overview;
    @Autowired
    MaterialImageRepository images;
    @Value("${shencha.storage.dir}")
    Path storageDir;

    @BeforeEach
    void reset() {
        data.resetDistricts();
    }

    @Test
    void storesASmallJpegAsItIs() {
        Candidate candidate = data.candidate("1201");
        byte[] jpeg = TestImages.jpeg(TestImages.document(1000, 750, 1, 0), 0.8f);

        UploadResult result = uploads.upload(candidate.getId(), "DIPLOMA", "diploma.jpg", jpeg, ZH);

        assertThat(result.image().width()).isEqualTo(1000);
        assertThat(result.image().sizeBytes()).isEqualTo(jpeg.length);
        assertThat(result.image().state()).isEqualTo(ImageState.ACTIVE);
        assertThat(result.image().deletable()).isTrue();
        assertThat(result.notes()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(overview.image(candidate.getId(), result.image().id()).bytes()).isEqualTo(jpeg);
    }

    @Test
    void tellsTheCandidateHowAPhonePhotoWasShrunk() {
        Candidate candidate = data.candidate("1201");
        byte[] photo = TestImages.withExif(TestImages.jpeg(TestImages.document(4032, 3024, 2), 0.9f), 6, null);

        UploadResult result = uploads.upload(candidate.getId(), "DIPLOMA", "IMG_0001.JPG", photo, ZH);

        assertThat(result.image().sizeBytes()).isLessThanOrEqualTo(200 * 1024);
        assertThat(result.image().height()).isGreaterThan(result.image().width()); // turned upright: portrait
        assertThat(result.notes()).extracting(UploadNotice::code).containsExactly("SHRUNK", "ROTATED");
        assertThat(result.notes().get(0).text())
                .matches("压缩自 \\d+\\.\\d MB 至 \\d+ KB（3024×4032 → \\d+×\\d+ 像素）");
        assertThat(result.notes().get(1).text()).isEqualTo("已按拍摄方向自动旋转为正向。");

        UploadResult english = uploads.upload(candidate.getId(), "OTHER", "IMG_0002.JPG",
                TestImages.jpeg(TestImages.document(4032, 3024, 3), 0.9f), Locale.ENGLISH);
        assertThat(english.notes().get(0).text()).startsWith("Shrunk from ").contains(" MB to ").contains(" KB");
    }

    @Test
    void aRefusedFileLeavesNeitherRowNorFile() throws IOException {
        Candidate candidate = data.candidate("1201");
        long filesBefore = countFiles();
        byte[] gifNamedJpg = TestImages.write(TestImages.quadrants(200, 100), "gif");

        assertRefused(() -> uploads.upload(candidate.getId(), "DIPLOMA", "photo.jpg", gifNamedJpg, ZH), "UNSUPPORTED_FORMAT");
        assertRefused(() -> uploads.upload(candidate.getId(), "DIPLOMA", "photo.jpg", new byte[0], ZH), "FILE_EMPTY");
        assertRefused(() -> uploads.upload(candidate.getId(), "NO_SUCH_TYPE", "photo.jpg",
                TestImages.jpeg(TestImages.quadrants(100, 100), 0.8f), ZH), "MATERIAL_TYPE_NOT_FOUND");

        assertThat(images.findByCandidateIdOrderByUploadedAt(candidate.getId())).isEmpty();
        assertThat(countFiles()).isEqualTo(filesBefore);
    }

    @Test
    void readsAtMostTwentyMegabytesFromAStream() {
        Candidate candidate = data.candidate("1201");
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0xFF;
            }
        };
        assertRefused(() -> uploads.upload(candidate.getId(), "DIPLOMA", "big.jpg", endless, ZH), "FILE_TOO_LARGE");

        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 4, 0), 0.8f);
        UploadResult fromStream = uploads.upload(candidate.getId(), "DIPLOMA", "a.jpg", new ByteArrayInputStream(jpeg), ZH);
        assertThat(fromStream.image().sizeBytes()).isEqualTo(jpeg.length);
    }

    @Test
    void anExactDuplicateIsRefusedInTheSameMaterialAndFlaggedInAnother() {
        Candidate candidate = data.candidate("1201");
        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 5, 0), 0.8f);
        uploads.upload(candidate.getId(), "DIPLOMA", "a.jpg", jpeg, ZH);

        // the same picture with other metadata is the same image
        assertRefused(() -> uploads.upload(candidate.getId(), "DIPLOMA", "b.jpg", TestImages.withExif(jpeg, 1, "x"), ZH),
                "DUPLICATE_IMAGE");
        UploadResult elsewhere = uploads.upload(candidate.getId(), "DEGREE", "c.jpg", jpeg, ZH);
        assertThat(elsewhere.warnings()).extracting(UploadNotice::code).containsExactly("SAME_AS_OTHER_MATERIAL");
        assertThat(elsewhere.warnings().get(0).text()).contains("“学历证书”");
    }

    @Test
    void qualityWarningsAreGivenAndKeptWithTheImage() {
        Candidate candidate = data.candidate("1201");
        UploadResult small = uploads.upload(candidate.getId(), "OTHER", "small.jpg",
                TestImages.jpeg(TestImages.document(500, 360, 6, 0), 0.9f), ZH);
        assertThat(small.warnings()).extracting(UploadNotice::code).containsExactly("TOO_SMALL");
        assertThat(small.warnings().get(0).level()).isEqualTo(UploadNotice.Level.WARNING);

        UploadResult blurred = uploads.upload(candidate.getId(), "OTHER", "blurred.jpg",
                TestImages.jpeg(TestImages.blurred(TestImages.document(1200, 900, 7, 0), 4), 0.9f), ZH);
        assertThat(blurred.warnings()).extracting(UploadNotice::code).containsExactly("BLURRY");

        MaterialTypeOverview other = overview.overview(candidate.getId(), Locale.ENGLISH).types().stream()
                .filter(t -> t.typeCode().equals("OTHER")).findFirst().orElseThrow();
        assertThat(other.name()).isEqualTo("Other materials");
        assertThat(other.images()).flatExtracting(MaterialImageView::warnings).extracting(UploadNotice::code)
                .containsExactly("TOO_SMALL", "BLURRY");
        assertThat(other.images().get(1).warnings().get(0).text()).startsWith("The picture may be blurred");
    }

    private long countFiles() throws IOException {
        Path root = storageDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
