package cn.shencha.base.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An {@code /api/} path that no endpoint serves is a 404 problem, not Vaadin's start page (which answers every
 * other unknown path with 200, for its client-side routes). Any endpoint's mapping is more specific and wins.
 */
@Hidden
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw ShenchaException.notFound("NOT_FOUND");
    }
}
