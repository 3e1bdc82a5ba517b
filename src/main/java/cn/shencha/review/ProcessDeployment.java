package cn.shencha.review;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ (the BPMN and its forms) from the classpath, with resource names relative to
 * processes/ so that the task forms are {@code embedded:deployment:forms/...}. Unchanged resources are
 * not redeployed.
 */
@Component
class ProcessDeployment {

    static final String DEPLOYMENT_NAME = "shencha-material-review";
    private static final String ROOT = "processes/";

    private final RepositoryService repositoryService;
    private final SetupLock setupLock;

    ProcessDeployment(RepositoryService repositoryService, SetupLock setupLock) {
        this.repositoryService = repositoryService;
        this.setupLock = setupLock;
    }

    /** Under the set-up lock: on H2 the engine takes no deployment lock, and two nodes would both deploy. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void deployAtStart() {
        setupLock.run("Process deployment", () -> {
            try {
                deploy();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    void deploy() throws IOException {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("classpath:" + ROOT)
                .enableDuplicateFiltering(true);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : new String[]{"*.bpmn", "forms/*.html", "forms/*.js", "forms/*.css"}) {
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + pattern)) {
                String name = pattern.startsWith("forms/") ? "forms/" + resource.getFilename() : resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
                }
            }
        }
        builder.deploy();
    }
}
