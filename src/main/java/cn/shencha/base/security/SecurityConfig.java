package cn.shencha.base.security;

import cn.shencha.base.ui.LoginView;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Who may call what. One sign-in for everybody (see ShenchaAuthenticationProvider); the chains differ by
 * how a client authenticates: HTTP Basic for /engine-rest/, Basic or the browser session for /api/,
 * the login page for the Camunda webapps and the Vaadin UI.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig extends VaadinWebSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The app's own CSRF token for /api/ (Camunda's webapps keep theirs, XSRF-TOKEN, on the same path). */
    static final String API_CSRF_COOKIE = "SHENCHA-XSRF-TOKEN";
    static final String API_CSRF_HEADER = "X-SHENCHA-XSRF-TOKEN";

    /** The detail of every 403 the security layer answers itself. */
    static final String FORBIDDEN = "无权访问 (forbidden)";
    private static final ObjectWriter PROBLEM_WRITER = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).writer();

    /**
     * Vaadin pages: the client engine needs inline and eval'd scripts and inline styles; everything else comes from
     * this origin only, no page may frame them, and forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Engine statistics, metrics and reports count every case of every district, whatever a reviewer's
     * authorizations (Camunda checks the definition, not each instance): administrators only.
     */
    private static RequestMatcher[] engineCounts(String restRoot) {
        return java.util.stream.Stream.of("/**/statistics", "/**/statistics/**", "/metrics", "/metrics/**", "/**/report",
                        "/**/report/**", "/**/*-report", "/telemetry/**")
                .map(path -> new AntPathRequestMatcher(restRoot + path))
                .toArray(RequestMatcher[]::new);
    }

    /** Camunda's REST API: staff only, HTTP Basic, no session; Camunda's authorizations apply per user. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(engineCounts("/engine-rest")).hasRole(Roles.ADMIN)
                        .anyRequest().hasRole(Roles.STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The Camunda webapps (Cockpit, Tasklist, Admin): staff signed in through the app's login page. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new AntPathRequestMatcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        // Tasklist needs the sign-in info of the admin API; Cockpit and Admin (pages and their
                        // plugin APIs, which Camunda itself only checks per engine) are for administrators.
                        .requestMatchers(new AntPathRequestMatcher("/camunda/api/admin/auth/**")).hasRole(Roles.STAFF)
                        .requestMatchers(engineCounts("/camunda/api/engine/engine/*")).hasRole(Roles.ADMIN)
                        .requestMatchers(new AntPathRequestMatcher("/camunda/app/cockpit/**"),
                                new AntPathRequestMatcher("/camunda/app/admin/**"),
                                new AntPathRequestMatcher("/camunda/api/cockpit/**"),
                                new AntPathRequestMatcher("/camunda/api/admin/**")).hasRole(Roles.ADMIN)
                        .anyRequest().hasRole(Roles.STAFF))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // The webapps bring their own CSRF protection (X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/logout", "POST"))
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(HttpServletResponse.SC_OK)))
                .build();
    }

    /**
     * The app's own API: HTTP Basic for clients, or the browser session of the UI and the task forms. A call that
     * changes something on the strength of the session cookie must carry the session's CSRF token in the
     * X-SHENCHA-XSRF-TOKEN header (read from the SHENCHA-XSRF-TOKEN cookie, or from GET /api/v1/csrf): a page of
     * another origin can neither read the cookie nor set the header. Calls with HTTP Basic credentials need no token;
     * activation, which signs in, does (no foreign page may sign a browser in as someone else).
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(API_CSRF_COOKIE);
        tokens.setHeaderName(API_CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        // The API's description is for staff (and can be switched off: API_DOCS_ENABLED=false).
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasRole(Roles.STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/csrf").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/activation").permitAll()
                        // notify: gateways' delivery reports, checked against the gateway key by the controller
                        .requestMatchers(HttpMethod.POST, "/api/v1/notify/reports/**").permitAll()
                        .requestMatchers("/api/v1/me/**").hasRole(Roles.CANDIDATE)
                        .requestMatchers("/api/v1/review/**").hasAnyRole(Roles.REVIEWER, Roles.ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler((request, response, denied) ->
                                writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", FORBIDDEN)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new HeaderOnlyCsrfTokenHandler())
                        // Only a request that rides on a session can be forged (an anonymous one answers 401), and
                        // activation, which signs in.
                        .requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedRequestMatcher(SecurityConfig::hasBasicCredentials),
                                new OrRequestMatcher(request -> request.getRequestedSessionId() != null,
                                        new AntPathRequestMatcher("/api/v1/activation"))))
                        // notify: gateways' delivery reports carry the gateway's key, no session
                        .ignoringRequestMatchers("/api/v1/notify/reports/**"))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .build();
    }

    static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/images/**", "/examples/**", "/styles/**").permitAll()
                // base/web: the error page answers whoever's request failed (e.g. an API sign-in when the database is down)
                .requestMatchers("/error").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
        // Vaadin exempts the login form's POST from CSRF checks; the form sends the token all the same.
        http.addFilterBefore(new LoginCsrfFilter("/login"), UsernamePasswordAuthenticationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    }

    /** Sets the Spring-authenticated staff member as the Camunda user of each webapp request. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityCamundaAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101); // after the Spring Security filter chain
        return registration;
    }

    /** The same for /engine-rest/: without it the engine would run REST calls with no user and no checks. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", SpringSecurityCamundaAuthenticationProvider.class.getName(),
                "rest-url-pattern-prefix", "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(102);
        return registration;
    }

    /** Engine REST's 403 answers name resources of other districts: reviewers get a generic problem instead. */
    @Bean
    FilterRegistrationBean<EngineForbiddenFilter> engineForbiddenAnswers() {
        FilterRegistrationBean<EngineForbiddenFilter> registration = new FilterRegistrationBean<>(new EngineForbiddenFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(103); // inside the Spring Security chain, which has said who is asking
        return registration;
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, e) -> {
            if (e instanceof LockedException) {
                writeProblem(response, 429, "TOO_MANY_ATTEMPTS", "尝试次数过多，请稍后再试 (too many attempts, try again later)");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"shencha\"");
            writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "请先登录 (sign in first)");
        };
    }

    static void writeProblem(HttpServletResponse response, int status, String code, String detail)
            throws java.io.IOException {
        writeProblem(response, status, code, detail, Map.of());
    }

    /** The problem+json body of the refusals answered outside Spring MVC (the security chains, the engine's 403s). */
    static void writeProblem(HttpServletResponse response, int status, String code, String detail,
                             Map<String, String> extraFields) throws java.io.IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", status);
        problem.put("code", code);
        problem.put("detail", detail);
        problem.putAll(extraFields);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        PrintWriter writer = response.getWriter();
        PROBLEM_WRITER.writeValue(writer, problem);
        writer.flush();
    }
}
