package cn.shencha.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.support.ShenchaSpringTest;
import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The catch-all of the API: a back-end failure always answers, a client that went away is not our failure. */
@ShenchaSpringTest
class ProblemDetailsAdviceTests {

    @Autowired
    ProblemDetailsAdvice advice;

    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/me/images/1"));

    @Test
    void aClientThatHungUpWhileWeWroteGetsNoAnswerAndIsNoError() {
        ResponseEntity<ProblemDetail> answer = advice.failed(new IOException("Broken pipe"), request);

        assertThat(answer).isNull();
    }

    @Test
    void anEofOfTheDatabaseIsStill503NotAClientThatWentAway() {
        EOFException lost = new EOFException("Can not read response from server.");
        ResponseEntity<ProblemDetail> answer = advice.failed(
                new IllegalStateException(new SQLException("Communications link failure", "08S01", 0, lost)), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
    }

    @Test
    void anyOtherFailureIs500WithACode() {
        ResponseEntity<ProblemDetail> answer = advice.failed(new IllegalStateException("a defect"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }
}
