package cn.shencha.base.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the app's API at /v3/api-docs: its name, version and how callers sign in, as
 * {@code SecurityConfig} checks it. Either HTTP Basic (no CSRF token needed), or the browser session of the UI and
 * the task forms; a call that changes something on the session must also send the session's CSRF token in
 * {@code X-SHENCHA-XSRF-TOKEN} (from the {@code SHENCHA-XSRF-TOKEN} cookie or {@code GET /api/v1/csrf}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";

    @Bean
    OpenAPI shenchaOpenApi(@Value("${shencha.api.version:1.0}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Shencha 审查 API")
                        .version(version)
                        .description("""
                                The API of Shencha, the online review of the registration materials of the physician \
                                qualification exam (医师资格考试报名材料线上审核): candidates (`/api/v1/me`, \
                                `/api/v1/activation`), exam-site and district reviewers (`/api/v1/review`), \
                                administrators (`/api/v1/admin`). Errors are `application/problem+json` with a stable \
                                `code`; texts follow `Accept-Language` (Chinese unless `en` is asked for). Every time \
                                is ISO-8601 with the +08:00 offset (Asia/Shanghai), e.g. `2026-02-11T16:00:00+08:00`.

                                Sign in with HTTP Basic (the same accounts as the web pages), or use the browser \
                                session of the web pages: a call that changes something on the session must send the \
                                session's CSRF token in the `X-SHENCHA-XSRF-TOKEN` header (from the \
                                `SHENCHA-XSRF-TOKEN` cookie or `GET /api/v1/csrf`)."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The account's user name (a candidate's registration number, a staff "
                                        + "member's user id) and password. No CSRF token is needed."))
                        .addSecuritySchemes(SESSION, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session of the app's sign-in page (/login); it also covers Tasklist "
                                        + "and the task forms. Goes with the CSRF header on POST, PUT, PATCH and DELETE."))
                        .addSecuritySchemes(CSRF, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-SHENCHA-XSRF-TOKEN")
                                .description("The session's CSRF token, from the SHENCHA-XSRF-TOKEN cookie or "
                                        + "GET /api/v1/csrf; required with the session cookie on every call that "
                                        + "changes something, never with HTTP Basic.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF));
    }
}
