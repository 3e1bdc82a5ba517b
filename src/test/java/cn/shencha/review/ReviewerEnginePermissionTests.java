package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.exam.Candidate;
import cn.shencha.exam.Phase;
import cn.shencha.exam.CandidateRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
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
 * What a reviewer may do to a task through the engine's own endpoints (/engine-rest/, HTTP Basic, and the Tasklist
 * webapp's API): read it, claim and unclaim it for themselves within their group, and nothing else. No variable
 * of the case can be set, changed or deleted, the task cannot be shared with another scope (candidate groups,
 * assignment or delegation to someone else) or renamed; and a forged variable does not change who the case is.
 */
@ReviewWebTest
class ReviewerEnginePermissionTests {

    @Autowired TestRestTemplate rest;
    @Autowired ReviewFixtures fixtures;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired CandidateRepository candidates;
    @Autowired ReviewDecisionRepository decisions;

    Candidate at1201;
    Candidate other1201;
    Candidate at1202;
    Task task;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        at1201 = fixtures.submittedWithImages("1201");
        other1201 = fixtures.submittedWithImages("1201");
        at1202 = fixtures.submittedWithImages("1202");
        task = fixtures.task(at1201);
    }

    // Finding 1: no variable can be written by a reviewer //////////////////////////////////////////

    @Test
    void aReviewerCannotSetModifyOrDeleteAnyVariable() {
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        String id = task.getId();
        String instance = task.getProcessInstanceId();
        // Claimed first: the assignee's own rights must not include variables either.
        assertThat(own.postForEntity("/engine-rest/task/" + id + "/claim", json(Map.of("userId", ReviewTestStaff.SITE_1201)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> otherCandidate = Map.of("value", other1201.getId(), "type", "Long");
        Map<String, Object> hebei = Map.of("value", "13", "type", "String");

        List<ResponseEntity<String>> attempts = new ArrayList<>();
        attempts.add(put(own, "/engine-rest/task/" + id + "/variables/candidateId", otherCandidate));
        attempts.add(put(own, "/engine-rest/task/" + id + "/variables/districtCode", hebei));
        attempts.add(put(own, "/engine-rest/task/" + id + "/localVariables/candidateId", otherCandidate));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/variables",
                json(Map.of("modifications", Map.of("districtCode", hebei), "deletions", List.of("siteCode"))), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/localVariables",
                json(Map.of("modifications", Map.of("candidateId", otherCandidate))), String.class));
        attempts.add(own.exchange("/engine-rest/task/" + id + "/variables/siteCode", HttpMethod.DELETE, json(Map.of()), String.class));
        attempts.add(own.exchange("/engine-rest/task/" + id + "/localVariables/afterSupplement", HttpMethod.DELETE, json(Map.of()), String.class));
        attempts.add(put(own, "/engine-rest/execution/" + instance + "/localVariables/districtCode", hebei));
        attempts.add(own.postForEntity("/engine-rest/execution/" + instance + "/localVariables",
                json(Map.of("modifications", Map.of("districtCode", hebei))), String.class));
        attempts.add(put(own, "/engine-rest/process-instance/" + instance + "/variables/districtCode", hebei));
        attempts.add(own.postForEntity("/engine-rest/process-instance/" + instance + "/variables",
                json(Map.of("modifications", Map.of("candidateId", otherCandidate))), String.class));
        attempts.add(own.exchange("/engine-rest/process-instance/" + instance + "/variables/siteCode", HttpMethod.DELETE,
                json(Map.of()), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/submit-form",
                json(Map.of("variables", Map.of("districtCode", hebei))), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/complete",
                json(Map.of("variables", Map.of("candidateId", otherCandidate))), String.class));
        assertThat(attempts).allSatisfy(response -> assertThat(response.getStatusCode().is2xxSuccessful())
                .as("%s", response).isFalse());

        Map<String, Object> variables = runtimeService.getVariables(instance);
        assertThat(variables).containsEntry(MaterialReviewProcess.VAR_CANDIDATE_ID, at1201.getId())
                .containsEntry(MaterialReviewProcess.VAR_DISTRICT_CODE, "12")
                .containsEntry(MaterialReviewProcess.VAR_SITE_CODE, "1201");
        assertThat(taskService.getVariablesLocal(id)).doesNotContainKey(MaterialReviewProcess.VAR_CANDIDATE_ID);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult()).isNotNull();
        // Reading them, as the form does, still works.
        assertThat(own.getForEntity("/engine-rest/task/" + id + "/form-variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getForEntity("/engine-rest/task/" + id + "/variables", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aForgedCandidateVariableDoesNotChangeWhoTheDecisionIsAbout() {
        // However it got there (an administrator's slip, a future endpoint): the process instance says who the case is.
        Phase otherBefore = fixtures.state(other1201).phase();
        runtimeService.setVariable(task.getProcessInstanceId(), MaterialReviewProcess.VAR_CANDIDATE_ID, other1201.getId());

        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        JsonNode desk = own.getForEntity("/api/v1/review/tasks/" + task.getId(), JsonNode.class).getBody();
        assertThat(desk.get("review").get("candidate").get("registrationNo").asText()).isEqualTo(at1201.getRegistrationNo());
        ResponseEntity<JsonNode> decided = own.postForEntity("/api/v1/review/tasks/" + task.getId() + "/decision",
                json(Map.of("decision", "PASS")), JsonNode.class);

        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
        ReviewDecision decision = decisions.findById(decided.getBody().get("id").asLong()).orElseThrow();
        assertThat(decision.getCandidateId()).isEqualTo(at1201.getId());
        assertThat(fixtures.state(other1201).phase()).isEqualTo(otherBefore);
        assertThat(decisions.findByCandidateIdOrderByDecidedAtDesc(other1201.getId())).isEmpty();
    }

    // Finding 2: no sharing across scopes, claim and unclaim only //////////////////////////////////

    @Test
    void aReviewerCannotShareRenameDelegateOrAssignTheTaskToSomeoneElse() {
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        String id = task.getId();
        List<ResponseEntity<String>> attempts = new ArrayList<>();
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/identity-links",
                json(Map.of("groupId", "site1302", "type", "candidate")), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/identity-links",
                json(Map.of("userId", ReviewTestStaff.DISTRICT_13, "type", "candidate")), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/identity-links/delete",
                json(Map.of("groupId", "site1201", "type", "candidate")), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/claim", json(Map.of("userId", ReviewTestStaff.DISTRICT_13)), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/assignee", json(Map.of("userId", ReviewTestStaff.DISTRICT_13)), String.class));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/delegate", json(Map.of("userId", ReviewTestStaff.DISTRICT_13)), String.class));
        attempts.add(put(own, "/engine-rest/task/" + id, Map.of("name", "转给河北", "description", "see me", "priority", 1)));
        attempts.add(own.postForEntity("/engine-rest/task/" + id + "/comment/create", json(Map.of("message", "x")), String.class));
        assertThat(attempts).allSatisfy(response -> assertThat(response.getStatusCode().is2xxSuccessful())
                .as("%s", response).isFalse());

        Task unchanged = taskService.createTaskQuery().taskId(id).singleResult();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(unchanged.getOwner()).isNull();
        assertThat(unchanged.getName()).isEqualTo(task.getName());
        assertThat(unchanged.getDescription()).isEqualTo(task.getDescription());
        assertThat(taskService.getIdentityLinksForTask(id)).extracting(IdentityLink::getGroupId).containsExactly("site1201");
        // The district 13 reviewer still sees nothing of it.
        assertThat(basic(ReviewTestStaff.DISTRICT_13).getForEntity("/engine-rest/task/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReviewerClaimsAndUnclaimsWithinTheirGroupAndAColleagueMayTakeOver() {
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        String id = task.getId();
        assertThat(own.postForEntity("/engine-rest/task/" + id + "/claim", json(Map.of("userId", ReviewTestStaff.SITE_1201)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(ReviewTestStaff.SITE_1201);
        assertThat(own.postForEntity("/engine-rest/task/" + id + "/unclaim", json(Map.of()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        // Another site's reviewer cannot claim or unclaim it.
        assertThat(basic(ReviewTestStaff.SITE_1202).postForEntity("/engine-rest/task/" + id + "/claim",
                json(Map.of("userId", ReviewTestStaff.SITE_1202)), String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }

    // Issue 20: the scope of every task listing ////////////////////////////////////////////////////

    @Test
    void aSiteReviewerNeverSeesAnotherSitesTaskThroughAnyListing() {
        Task theirs = fixtures.task(at1202);
        TestRestTemplate own = basic(ReviewTestStaff.SITE_1201);
        String session = ReviewWebSessions.signIn(rest, ReviewTestStaff.SITE_1201, ReviewTestStaff.PASSWORD);
        rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(ReviewWebSessions.cookie(session)), String.class);

        for (String query : List.of("", "candidateGroup=site1201&", "candidateGroup=site1202&", "candidateGroups=site1201,site1202&",
                "includeAssignedTasks=true&candidateGroup=site1202&", "assigned=false&", "processDefinitionKey=material-review&",
                "candidateUser=" + ReviewTestStaff.SITE_1202 + "&", "candidateGroupLike=site%25&", "involvedUser=" + ReviewTestStaff.SITE_1202 + "&",
                "withCandidateGroups=true&", "taskId=" + theirs.getId() + "&")) {
            for (ResponseEntity<JsonNode> listing : List.of(
                    own.getForEntity("/engine-rest/task?" + query + "maxResults=1000", JsonNode.class),
                    rest.exchange("/camunda/api/engine/engine/default/task?" + query + "maxResults=1000", HttpMethod.GET,
                            new HttpEntity<>(ReviewWebSessions.cookie(session)), JsonNode.class))) {
                if (listing.getStatusCode().is2xxSuccessful()) {
                    assertThat(ids(listing.getBody())).as(query).doesNotContain(theirs.getId());
                }
            }
            ResponseEntity<JsonNode> count = own.getForEntity("/engine-rest/task/count?" + query, JsonNode.class);
            if (count.getStatusCode().is2xxSuccessful()) {
                ResponseEntity<JsonNode> listing = own.getForEntity("/engine-rest/task?" + query + "maxResults=1000", JsonNode.class);
                assertThat(count.getBody().get("count").asLong()).as(query).isEqualTo(listing.getBody().size());
            }
        }
        // The same queries as a POST body, with or-queries.
        ResponseEntity<JsonNode> orQuery = own.postForEntity("/engine-rest/task?maxResults=1000", json(Map.of("orQueries",
                List.of(Map.of("candidateGroup", "site1202"), Map.of("candidateUser", ReviewTestStaff.SITE_1202)))), JsonNode.class);
        if (orQuery.getStatusCode().is2xxSuccessful()) {
            assertThat(ids(orQuery.getBody())).doesNotContain(theirs.getId());
        }
        // Their own tasks, without and with candidateGroup.
        assertThat(ids(own.getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class).getBody())).contains(task.getId());
        assertThat(ids(own.getForEntity("/engine-rest/task?candidateGroup=site1201&maxResults=1000", JsonNode.class).getBody()))
                .contains(task.getId());
        assertThat(own.getForEntity("/engine-rest/task/" + theirs.getId(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // Every shared filter: list and count, through REST and Tasklist's session.
        JsonNode filters = own.getForEntity("/engine-rest/filter?resourceType=Task&itemCount=true", JsonNode.class).getBody();
        assertThat(filters.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode filter : filters) {
            String fid = filter.get("id").asText();
            List<String> listed = ids(own.postForEntity("/engine-rest/filter/" + fid + "/list?maxResults=1000",
                    json(Map.of()), JsonNode.class).getBody());
            assertThat(listed).doesNotContain(theirs.getId());
            assertThat(filter.get("itemCount").asLong()).isEqualTo(listed.size());
            List<String> viaTasklist = ids(rest.exchange("/camunda/api/engine/engine/default/filter/" + fid + "/list?maxResults=1000",
                    HttpMethod.GET, new HttpEntity<>(ReviewWebSessions.cookie(session)), JsonNode.class).getBody());
            assertThat(viaTasklist).isEqualTo(listed);
            List<String> narrowed = ids(own.postForEntity("/engine-rest/filter/" + fid + "/list?maxResults=1000",
                    json(Map.of("candidateGroup", "site1202")), JsonNode.class).getBody());
            assertThat(narrowed).doesNotContain(theirs.getId());
        }
        String siteQueue = StreamSupport.stream(filters.spliterator(), false)
                .filter(f -> f.get("name").asText().equals("待审核（本考点）")).findFirst().orElseThrow().get("id").asText();
        assertThat(ids(own.postForEntity("/engine-rest/filter/" + siteQueue + "/list?maxResults=1000", json(Map.of()),
                JsonNode.class).getBody())).contains(task.getId());
    }

    // helpers ///////////////////////////////////////////////////////////////////////////////////////

    private TestRestTemplate basic(String user) {
        return rest.withBasicAuth(user, ReviewTestStaff.PASSWORD);
    }

    private static ResponseEntity<String> put(TestRestTemplate client, String path, Object body) {
        return client.exchange(path, HttpMethod.PUT, json(body), String.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
