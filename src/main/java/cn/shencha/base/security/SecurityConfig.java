package cn.shencha.base.security;

import cn.shencha.base.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
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

    /** Camunda's REST API: staff only, HTTP Basic, no session; Camunda's authorizations apply per user. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.STAFF))
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

    /** The app's own API: HTTP Basic for clients, or the browser session of the UI and the task forms. */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
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
                                writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "无权访问 (forbidden)")))
                // API clients send credentials with each call; the browser session is SameSite=Lax.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/images/**", "/examples/**", "/styles/**").permitAll()
                // base/web: the error page answers whoever's request failed (e.g. an API sign-in when the database is down)
                .requestMatchers("/error").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class, "/login");
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

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"shencha\"");
            writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "请先登录 (sign in first)");
        };
    }

    private static void writeProblem(HttpServletResponse response, int status, String code, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
