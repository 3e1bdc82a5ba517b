package cn.shencha.materials;

import cn.shencha.materials.internal.MaterialImageRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shencha.exam.Candidate;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import cn.shencha.support.TestData;
import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What every image store guarantees, with the whole app around it (the candidate API, the rows, the sweeper):
 * run against the file store ({@link FileSystemImageStoreContractTests}) and the S3 store on a real S3 server
 * ({@link S3ImageStoreContractTests}). A subclass says how to make its store fail and how to mend it.
 */
abstract class ImageStoreContract {

    static final String PROBLEM = "application/problem+json";

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestData data;
    @Autowired
    ImageStore store;
    @Autowired
    ImageSweeper sweeper;
    @Autowired
    MaterialImageRepository images;

    MockMvc mvc;

    /** Makes every write to the store fail (the server gone, the directory unusable). */
    abstract void breakStore() throws Exception;

    /** Undoes {@link #breakStore()}. */
    abstract void mendStore() throws Exception;

    @BeforeEach
    void setUp() {
        data.resetDistricts();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void storesReadsAsAStreamAndDeletesUnderKeysItMadeItself() throws Exception {
        byte[] bytes = TestImages.jpeg(TestImages.document(400, 300, 11), 0.8f);
        String key = store.put(bytes, "jpg");
        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f-]{36}\\.jpg");
        assertThat(store.put(bytes, "png")).endsWith(".png").isNotEqualTo(key);

        try (StoredObject object = store.open(key)) {
            assertThat(object.length()).isEqualTo(bytes.length);
            InputStream in = object.content();
            assertThat(in.readNBytes(10)).containsExactly(java.util.Arrays.copyOf(bytes, 10)); // read as it comes
            assertThat(in.readAllBytes()).hasSize(bytes.length - 10);
        }
        assertThat(store.get(key)).isEqualTo(bytes);

        store.delete(key);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(NoSuchFileException.class);
        store.delete(key); // gone already: not an error
        for (String outside : new String[]{"../etc/passwd", "ab/../../x.jpg", "image.jpg", null}) {
            assertThatThrownBy(() -> store.open(outside)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.put(bytes, "gif")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadCommitsItsRowWithItsObjectAndIsServedAsAStream() throws Exception {
        Candidate candidate = data.candidate("1201");
        byte[] photo = TestImages.jpeg(TestImages.document(1600, 1200, 12), 0.9f);

        Long id = upload(candidate, photo);

        MaterialImage row = images.findById(id).orElseThrow();
        byte[] stored = store.get(row.getStorageKey());
        assertThat(stored).hasSize(row.getSizeBytes());
        MvcResult served = mvc.perform(get("/api/v1/me/images/" + id).with(as(candidate)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().longValue(HttpHeaders.CONTENT_LENGTH, stored.length))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + row.getSha256() + "\""))
                .andReturn();
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(stored);
        // A client that has it already gets a 304, and the store is not read for it.
        mvc.perform(get("/api/v1/me/images/" + id).with(as(candidate)).header(HttpHeaders.IF_NONE_MATCH, "\"" + row.getSha256() + "\""))
                .andExpect(status().isNotModified());

        mvc.perform(delete("/api/v1/me/images/" + id).with(as(candidate))).andExpect(status().isNoContent());
        assertThat(images.findById(id)).isEmpty();
        assertThatThrownBy(() -> store.open(row.getStorageKey())).as("removed once the deletion committed")
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theSweeperRemovesObjectsWithoutARowOnlyOnceTheyAreOld() throws Exception {
        Candidate candidate = data.candidate("1201");
        Long id = upload(candidate, TestImages.jpeg(TestImages.document(1200, 900, 13), 0.9f));
        String kept = images.findById(id).orElseThrow().getStorageKey();
        Instant beforeOrphan = Instant.now().minusSeconds(60);
        String orphan = store.put(TestImages.jpeg(TestImages.document(400, 300, 14), 0.8f), "jpg"); // a crash's leftover

        assertThat(store.keysOlderThan(beforeOrphan)).doesNotContain(orphan);
        assertThat(store.keysOlderThan(Instant.now().plusSeconds(60))).contains(orphan, kept);
        sweeper.sweep(beforeOrphan);
        assertThat(store.get(orphan)).as("younger than the cutoff: maybe an upload in flight").isNotEmpty();

        sweeper.sweep(Instant.now().plusSeconds(60));

        assertThatThrownBy(() -> store.open(orphan)).as("old and without a row").isInstanceOf(NoSuchFileException.class);
        assertThat(store.get(kept)).as("the uploaded image's object stays with its row").isNotEmpty();
        mvc.perform(get("/api/v1/me/images/" + id).with(as(candidate))).andExpect(status().isOk());
    }

    @Test
    void aFailingStoreAnswersAProblemAndLeavesNoRow() throws Exception {
        Candidate candidate = data.candidate("1201");
        byte[] photo = TestImages.jpeg(TestImages.document(1200, 900, 15), 0.9f);
        breakStore();
        try {
            mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                            .file(new MockMultipartFile("file", "diploma.jpg", "image/jpeg", photo)).with(as(candidate)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("STORAGE_FAILED"))
                    .andExpect(jsonPath("$.detail").value("图片保存失败，请稍后重试。"));
            assertThat(images.findByCandidateIdOrderByUploadedAt(candidate.getId())).as("no row without its object").isEmpty();
        } finally {
            mendStore();
        }
        // Once the store is back, the same upload goes through.
        Long id = upload(candidate, photo);
        assertThat(store.get(images.findById(id).orElseThrow().getStorageKey())).isNotEmpty();
    }

    private Long upload(Candidate candidate, byte[] photo) throws Exception {
        MvcResult created = mvc.perform(multipart("/api/v1/me/materials/DIPLOMA/images")
                        .file(new MockMultipartFile("file", "diploma.jpg", "image/jpeg", photo)).with(as(candidate)))
                .andExpect(status().isCreated())
                .andReturn();
        return ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.image.id")).longValue();
    }

    private static RequestPostProcessor as(Candidate candidate) {
        return httpBasic(candidate.getRegistrationNo(), TestData.PASSWORD);
    }
}
