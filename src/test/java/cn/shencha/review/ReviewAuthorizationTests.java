package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.support.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who can see, claim and complete which review task, through Camunda's REST API (/engine-rest/, HTTP Basic),
 * the Camunda webapps' own API (browser session) and the app's reviewer API, on the real servlet stack.
 */
@ReviewWebTest
class ReviewAuthorizationTests {

    @Autowired TestRestTemplate rest;
    @Autowired ReviewFixtures fixtures;
    @Autowired TaskService taskService;
    @Autowired ImageViewRecordRepository imageViews;

    Candidate at1201;
    Candidate at1202;
    Task task1201;
    Task task1202;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        at1201 = fixtures.submittedWithImages("1201");
        at1202 = fixtures.submittedWithImages("1202");
        task1201 = fixtures.task(at1201);
        task1202 = fixtures.task(at1202);
    }

    // /engine-rest/ ///////////////////////////////////////////////////////////////////////////////////

    @Test
    void engineRestListsOnlyTheReviewersOwnTasks() {
        assertThat(taskIds(basic(ReviewTestStaff.SITE_1202).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class)))
                .contains(task1202.getId()).doesNotContain(task1201.getId());
        assertThat(taskIds(basic(ReviewTestStaff.SITE_1201).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class)))
                .contains(task1201.getId()).doesNotContain(task1202.getId());
        // A district reviewer has nothing to do while the case is with the exam site.
        assertThat(taskIds(basic(ReviewTestStaff.DISTRICT_12).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class)))
                .doesNotContain(task1201.getId(), task1202.getId());
        assertThat(basic(ReviewTestStaff.SITE_1202).getForEntity("/engine-rest/task/count", JsonNode.class).getBody()
                .get("count").asLong())
                .isEqualTo(taskIds(basic(ReviewTestStaff.SITE_1202).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class)).size());
        // Administrators see everything.
        assertThat(taskIds(basic(ReviewTestStaff.ADMIN).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class)))
                .contains(task1201.getId(), task1202.getId());
    }

    @Test
    void engineRestRefusesToReadClaimOrCompleteAnotherSitesTask() {
        TestRestTemplate other = basic(ReviewTestStaff.SITE_1202);
        String id = task1201.getId();
        assertThat(other.getForEntity("/engine-rest/task/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/engine-rest/task/" + id + "/variables", String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(other.getForEntity("/engine-rest/task/" + id + "/form-variables", String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(other.getForEntity("/engine-rest/task/" + id + "/deployed-form", String.class).getStatusCode().is2xxSuccessful()).isFalse();

        ResponseEntity<String> claim = other.postForEntity("/engine-rest/task/" + id + "/claim",
                json(Map.of("userId", ReviewTestStaff.SITE_1202)), String.class);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> complete = other.postForEntity("/engine-rest/task/" + id + "/complete", json(Map.of()), String.class);
        assertThat(complete.getStatusCode().is2xxSuccessful()).isFalse();
        ResponseEntity<String> submit = other.postForEntity("/engine-rest/task/" + id + "/submit-form", json(Map.of()), String.class);
        assertThat(submit.getStatusCode().is2xxSuccessful()).isFalse();

        Task unchanged = taskService.createTaskQuery().taskId(id).singleResult();
        assertThat(unchanged).isNotNull();
        assertThat(unchanged.getAssignee()).isNull();
        // The other site's reviewer cannot start processes, read instances or history either.
        assertThat(other.getForEntity("/engine-rest/process-instance?maxResults=1000", JsonNode.class).getBody()).isEmpty();
        assertThat(other.getForEntity("/engine-rest/history/task?maxResults=1000", JsonNode.class).getBody()).isEmpty();
        assertThat(other.getForEntity("/engine-rest/variable-instance?maxResults=1000", JsonNode.class).getBody().toString())
                .doesNotContain(fixtures.state(at1201).processInstanceId());
    }

    @Test
    void ownReviewerClaimsAndReadsTheFormButOnlyTheReviewerApiCompletes() {
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        String id = task1201.getId();
        assertThat(own.getForEntity("/engine-rest/task/" + id, JsonNode.class).getBody().get("name").asText())
                .contains(at1201.getMaskedIdNumber()).doesNotContain(at1201.getIdNumber());
        ResponseEntity<String> form = own.getForEntity("/engine-rest/task/" + id + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("data-shencha-desk").contains("ShenchaReviewDesk.mount");
        assertThat(own.getForEntity("/engine-rest/task/" + id + "/form-variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(own.postForEntity("/engine-rest/task/" + id + "/claim", json(Map.of("userId", ReviewTestStaff.SITE_1201)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // A plain completion without a recorded decision is refused by the process (ReviewCompletionGuard).
        ResponseEntity<String> complete = own.postForEntity("/engine-rest/task/" + id + "/complete", json(Map.of()), String.class);
        assertThat(complete.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(complete.getBody()).contains("审核表单");
        assertThat(taskService.createTaskQuery().taskId(id).singleResult()).isNotNull();

        ResponseEntity<JsonNode> decided = own.postForEntity("/api/v1/review/tasks/" + id + "/decision",
                json(Map.of("decision", "PASS")), JsonNode.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult()).isNull();

        // The district task that follows sees the site's decision as the last one: it is another task's, so a plain
        // completion is refused there too.
        Task districtTask = taskService.createTaskQuery().processInstanceId(task1201.getProcessInstanceId()).singleResult();
        TestRestTemplate district = basic(ReviewTestStaff.DISTRICT_12);
        assertThat(district.postForEntity("/engine-rest/task/" + districtTask.getId() + "/claim",
                json(Map.of("userId", ReviewTestStaff.DISTRICT_12)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> plain = district.postForEntity("/engine-rest/task/" + districtTask.getId() + "/complete",
                json(Map.of()), String.class);
        assertThat(plain.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(plain.getBody()).contains("审核表单");
        assertThat(taskService.createTaskQuery().taskId(districtTask.getId()).singleResult()).isNotNull();
    }

    @Test
    void sharedFiltersAreReadableByReviewersAndListOnlyTheirTasks() {
        TestRestTemplate other = basic(ReviewTestStaff.SITE_1202);
        JsonNode filters = other.getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class).getBody();
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).contains("待审核（本考点）", "补充材料后待复审", "即将超期").doesNotContain("全部审核任务（管理员）");

        String siteQueue = StreamSupport.stream(filters.spliterator(), false)
                .filter(f -> f.get("name").asText().equals("待审核（本考点）")).findFirst().orElseThrow().get("id").asText();
        assertThat(taskIds(other.postForEntity("/engine-rest/filter/" + siteQueue + "/list?maxResults=1000", json(Map.of()), JsonNode.class)))
                .contains(task1202.getId()).doesNotContain(task1201.getId());
        // Reviewers cannot create or change filters.
        assertThat(other.postForEntity("/engine-rest/filter/create", json(Map.of("resourceType", "Task", "name", "x",
                "query", Map.of())), String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(basic(ReviewTestStaff.ADMIN).getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class)
                .getBody().toString()).contains("全部审核任务（管理员）");
    }

    // The app's reviewer API //////////////////////////////////////////////////////////////////////////

    @Test
    void reviewerApiAnswers404OutsideTheReviewersSiteOrDistrict() {
        TestRestTemplate other = basic(ReviewTestStaff.SITE_1202);
        Long imageOf1201 = firstImageId(basic(ReviewTestStaff.SITE_1201), at1201);
        long viewsBefore = imageViews.count();

        assertThat(other.getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/api/v1/review/tasks/" + task1201.getId(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/api/v1/review/images/" + imageOf1201, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForEntity("/api/v1/review/images/" + imageOf1201 + "?size=thumb", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> decided = other.postForEntity("/api/v1/review/tasks/" + task1201.getId() + "/decision",
                json(Map.of("decision", "PASS")), JsonNode.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(decided.getBody().get("code").asText()).isEqualTo("TASK_NOT_FOUND");
        assertThat(taskService.createTaskQuery().taskId(task1201.getId()).singleResult()).isNotNull();
        // The other district's reviewer is as far away as the other site's.
        assertThat(basic(ReviewTestStaff.DISTRICT_13).getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(imageViews.count()).as("refused fetches are not views").isEqualTo(viewsBefore);

        // The own district and administrators may read the case; the district cannot decide the site's task.
        assertThat(basic(ReviewTestStaff.DISTRICT_12).getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(basic(ReviewTestStaff.DISTRICT_12).postForEntity("/api/v1/review/tasks/" + task1201.getId() + "/decision",
                json(Map.of("decision", "PASS")), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(basic(ReviewTestStaff.ADMIN).getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void reviewerSeesTheCaseWithMaskedIdAndImagesAndEveryViewIsRecorded() {
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        JsonNode review = own.getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(), JsonNode.class).getBody();
        assertThat(review.get("candidate").get("maskedIdNumber").asText()).isEqualTo(at1201.getMaskedIdNumber());
        assertThat(review.toString()).doesNotContain(at1201.getIdNumber());
        assertThat(review.get("task").get("id").asText()).isEqualTo(task1201.getId());
        assertThat(review.get("viewer").asText()).isEqualTo(ReviewTestStaff.SITE_1201);
        JsonNode idCard = StreamSupport.stream(review.get("materials").spliterator(), false)
                .filter(m -> m.get("typeCode").asText().equals("ID_CARD")).findFirst().orElseThrow();
        assertThat(idCard.get("images")).hasSize(2);
        Long imageId = idCard.get("images").get(0).get("id").asLong();

        ResponseEntity<byte[]> full = own.getForEntity("/api/v1/review/images/" + imageId, byte[].class);
        assertThat(full.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(full.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(full.getHeaders().getCacheControl()).contains("no-store");
        ResponseEntity<byte[]> thumb = own.getForEntity("/api/v1/review/images/" + imageId + "?size=thumb", byte[].class);
        assertThat(thumb.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(thumb.getBody().length).isLessThan(full.getBody().length);
        assertThat(cn.shencha.materials.TestImages.read(thumb.getBody()).getWidth()).isLessThanOrEqualTo(ReviewImageService.THUMB_WIDTH);

        // The administrator's audit: who viewed which image when (newest first); others get 403.
        JsonNode views = basic(ReviewTestStaff.ADMIN).getForEntity("/api/v1/admin/image-views?registrationNo="
                + at1201.getRegistrationNo(), JsonNode.class).getBody();
        assertThat(views.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(views.get("entries").get(0).get("viewer").asText()).isEqualTo(ReviewTestStaff.SITE_1201);
        assertThat(views.get("entries").get(0).get("imageId").asLong()).isEqualTo(imageId);
        assertThat(views.get("entries").get(0).get("size").asText()).isEqualTo("THUMB");
        assertThat(views.get("entries").get(1).get("size").asText()).isEqualTo("FULL");
        assertThat(views.get("entries").get(0).get("materialType").asText()).isEqualTo("ID_CARD");
        assertThat(own.getForEntity("/api/v1/admin/image-views", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anImageAlsoUsedByAnotherCandidateIsFlagged() {
        JsonNode before = basic(ReviewTestStaff.SITE_1201).getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(),
                JsonNode.class).getBody();
        assertThat(before.toString()).doesNotContain("DUPLICATE_ELSEWHERE");

        // The very same file in two candidates' materials, of different exam sites.
        long seed = System.nanoTime();
        Candidate first = fixtures.candidateWithImage("1201", "DEGREE", seed);
        Candidate second = fixtures.candidateWithImage("1202", "DEGREE", seed);

        JsonNode seen = basic(ReviewTestStaff.SITE_1201).getForEntity("/api/v1/review/candidates/" + first.getRegistrationNo(),
                JsonNode.class).getBody();
        JsonNode degree = StreamSupport.stream(seen.get("materials").spliterator(), false)
                .filter(m -> m.get("typeCode").asText().equals("DEGREE")).findFirst().orElseThrow();
        assertThat(degree.get("flags").toString()).contains("DUPLICATE_ELSEWHERE");
        assertThat(degree.get("images").get(0).get("flags").toString()).contains("IMAGE_DUPLICATE_ELSEWHERE");
        // The reviewer learns that the file is used elsewhere, not by whom.
        assertThat(seen.toString()).doesNotContain(second.getRegistrationNo());
    }

    // Candidates and the Camunda webapps //////////////////////////////////////////////////////////////

    @Test
    void aCandidateReachesNoneOfIt() {
        TestRestTemplate candidate = rest.withBasicAuth(at1201.getRegistrationNo(), TestData.PASSWORD);
        Long imageId = firstImageId(basic(ReviewTestStaff.SITE_1201), at1201);
        assertThat(candidate.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.getForEntity("/engine-rest/task/" + task1201.getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.getForEntity("/api/v1/review/candidates/" + at1201.getRegistrationNo(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.getForEntity("/api/v1/review/tasks/" + task1201.getId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.getForEntity("/api/v1/review/images/" + imageId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.postForEntity("/api/v1/review/tasks/" + task1201.getId() + "/decision",
                json(Map.of("decision", "PASS")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidate.getForEntity("/api/v1/admin/image-views", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(task1201.getId()).singleResult()).isNotNull();

        // Signed in on the login page, a candidate does not get into the Camunda webapps either.
        String session = signIn(at1201.getRegistrationNo(), TestData.PASSWORD);
        assertThat(rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(cookie(session)),
                String.class).getBody()).doesNotContain("camunda-tasklist");
        ResponseEntity<String> user = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(cookie(session)), String.class);
        assertThat(user.getBody()).doesNotContain("authorizedApps");
    }

    @Test
    void oneSignInCoversTasklistAndTheAppButCockpitAndAdminAreForAdministrators() {
        String reviewer = signIn(ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD);
        // Opening Tasklist hands the Spring Security user to the webapps (ContainerBasedAuthenticationFilter).
        assertThat(rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(cookie(reviewer)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode auth = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(cookie(reviewer)),
                JsonNode.class).getBody();
        assertThat(auth.path("userId").asText()).as(auth.toString()).isEqualTo(ReviewTestStaff.SITE_1201);
        List<String> apps = new ArrayList<>();
        auth.get("authorizedApps").forEach(a -> apps.add(a.asText()));
        assertThat(apps).contains("tasklist").doesNotContain("cockpit", "admin");
        // The same session reads the webapp's task list (own tasks only) and the app's reviewer API.
        ResponseEntity<JsonNode> tasks = rest.exchange("/camunda/api/engine/engine/default/task?maxResults=1000",
                HttpMethod.GET, new HttpEntity<>(cookie(reviewer)), JsonNode.class);
        assertThat(taskIds(tasks)).contains(task1201.getId()).doesNotContain(task1202.getId());
        assertThat(rest.exchange("/api/v1/review/tasks/" + task1201.getId(), HttpMethod.GET, new HttpEntity<>(cookie(reviewer)),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.exchange("/review-desk/review-desk.js", HttpMethod.GET, new HttpEntity<>(cookie(reviewer)),
                String.class).getBody()).contains("ShenchaReviewDesk");
        // Cockpit and Admin, pages and APIs, refuse a reviewer.
        for (String path : List.of("/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/camunda/api/admin/plugin/adminPlugins/default/users", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/")) {
            assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(cookie(reviewer)), String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.exchange("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", HttpMethod.GET,
                new HttpEntity<>(cookie(signIn(ReviewTestStaff.ADMIN, ReviewTestStaff.PASSWORD))), String.class).getStatusCode())
                .isNotEqualTo(HttpStatus.FORBIDDEN);

        String admin = signIn(ReviewTestStaff.ADMIN, ReviewTestStaff.PASSWORD);
        rest.exchange("/camunda/app/cockpit/default/", HttpMethod.GET, new HttpEntity<>(cookie(admin)), String.class);
        JsonNode adminAuth = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(cookie(admin)),
                JsonNode.class).getBody();
        List<String> adminApps = new ArrayList<>();
        adminAuth.get("authorizedApps").forEach(a -> adminApps.add(a.asText()));
        assertThat(adminApps).contains("tasklist", "cockpit", "admin");
    }

    // helpers ///////////////////////////////////////////////////////////////////////////////////////

    private TestRestTemplate basic(String user) {
        return rest.withBasicAuth(user, ReviewTestStaff.PASSWORD);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Accept-Language", "zh-CN");
        return new HttpEntity<>(body, headers);
    }

    private static List<String> taskIds(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private Long firstImageId(TestRestTemplate reader, Candidate candidate) {
        JsonNode review = reader.getForEntity("/api/v1/review/candidates/" + candidate.getRegistrationNo(), JsonNode.class).getBody();
        return StreamSupport.stream(review.get("materials").spliterator(), false)
                .filter(m -> m.get("images").size() > 0).findFirst().orElseThrow()
                .get("images").get(0).get("id").asLong();
    }

    private String signIn(String username, String password) {
        return ReviewWebSessions.signIn(rest, username, password);
    }

    private static HttpHeaders cookie(String session) {
        return ReviewWebSessions.cookie(session);
    }
}
