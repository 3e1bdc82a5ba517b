package cn.shencha.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/** A browser's session for the review web tests: signed in through the app's login page, as staff do. */
final class ReviewWebSessions {

    private ReviewWebSessions() {
    }

    /**
     * Signs in through the app's login page as the browser does (the page's session and CSRF token, then the
     * form post) and returns the authenticated session cookie.
     */
    static String signIn(TestRestTemplate rest, String username, String password) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        String session = sessionCookie(page);
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getBody());
        Matcher parameter = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add(parameter.find() ? parameter.group(1) : "_csrf", token.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> response = noRedirects(rest.getRootUri()).postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(response.getStatusCode()).as("sign-in of %s", username).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().toString()).as("sign-in of %s", username).doesNotContain("error");
        // Signed in: Spring Security gives the session a new id (session fixation protection).
        String signedIn = sessionCookie(response);
        assertThat(signedIn).isNotEqualTo(session);
        return signedIn;
    }

    static HttpHeaders cookie(String session) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return headers;
    }

    /** The login answers with a redirect that carries the new session: it must not be followed. */
    private static RestTemplate noRedirects(String rootUri) {
        return new RestTemplateBuilder().rootUri(rootUri)
                .requestFactory(() -> new SimpleClientHttpRequestFactory() {
                    @Override
                    protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
                        super.prepareConnection(connection, method);
                        connection.setInstanceFollowRedirects(false);
                    }
                })
                .errorHandler(new DefaultResponseErrorHandler() {
                    @Override
                    public boolean hasError(ClientHttpResponse response) {
                        return false;
                    }
                })
                .build();
    }

    private static String sessionCookie(ResponseEntity<?> response) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()
                .split(";")[0];
    }
}
