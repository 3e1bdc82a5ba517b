package cn.shencha.admin.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One handler serves {@code /api/v1/admin/seasons/{season}/districts/…} and the current-season path without the
 * segment; the description lists {@code season} only where the path has it, and there as required (OpenAPI's rule
 * for path parameters).
 */
@Configuration(proxyBeanMethods = false)
class SeasonPathsOpenApi {

    @Bean
    OpenApiCustomizer seasonPathParameters() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> fix(path, operation)));
        };
    }

    private static void fix(String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null) {
            return;
        }
        List<Parameter> kept = parameters.stream()
                .filter(p -> !"path".equals(p.getIn()) || path.contains("{" + p.getName() + "}"))
                .map(p -> "path".equals(p.getIn()) && !Boolean.TRUE.equals(p.getRequired()) ? copyRequired(p) : p)
                .toList();
        operation.setParameters(new java.util.ArrayList<>(kept));
    }

    private static Parameter copyRequired(Parameter p) {
        return new Parameter().name(p.getName()).in(p.getIn()).description(p.getDescription()).required(true)
                .schema(p.getSchema()).example(p.getExample());
    }
}
