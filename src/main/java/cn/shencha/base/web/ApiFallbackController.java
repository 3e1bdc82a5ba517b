package cn.shencha.base.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An {@code /api/} path that no endpoint serves is a 404 problem, not Vaadin's start page (which answers every
 * other unknown path with 200, for its client-side routes). Any endpoint's mapping is more specific and wins.
 * This mapping takes every method, so it also catches an existing path called with the wrong method: that one
 * is a 405 {@code METHOD_NOT_ALLOWED} with the methods the path has, as it would be without this fallback.
 */
@Hidden
@RestController
class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = methodsServing(request);
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw ShenchaException.notFound("NOT_FOUND");
    }

    /** The methods of the other endpoints whose path patterns match this request's path. */
    private Set<String> methodsServing(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() != ApiFallbackController.class && matchesPath(info, request)) {
                info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
            }
        });
        return methods;
    }

    private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
        return info.getActivePatternsCondition().getMatchingCondition(request) != null;
    }
}
