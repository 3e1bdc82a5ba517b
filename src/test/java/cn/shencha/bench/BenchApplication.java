package cn.shencha.bench;

import cn.shencha.Application;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The application as the benchmark starts it in its own JVM: the real {@link Application} with the
 * {@code bench} profile ({@link BenchReferenceData}). The test classes are on its class path for that profile's
 * data only: the tests' own configurations (a fixed clock) are kept out of the component scan.
 */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(Application.class);
        app.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("benchTestConfigurationFilter", new TestConfigurationFilter()));
        Integer counterPort = Integer.getInteger(StatementCounter.PORT_PROPERTY);
        if (counterPort != null) { // the cost scenario counts the app's statements (StatementCounter)
            StatementCounter counter = new StatementCounter(counterPort);
            app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(counter));
            app.addListeners(event -> {
                if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
                    counter.stop();
                }
            });
        }
        if (Boolean.getBoolean("bench.startupSteps")) { // where the start-up goes (the cost scenario's start-ups)
            BufferingApplicationStartup steps = new BufferingApplicationStartup(20_000);
            app.setApplicationStartup(steps);
            app.addListeners(event -> {
                if (event instanceof ApplicationReadyEvent) {
                    StartupSteps.log(steps);
                }
            });
        }
        app.run(args);
    }

    /** Spring Boot's scan asks every TypeExcludeFilter bean: test configurations are not part of the app. */
    public static final class TestConfigurationFilter extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestConfigurationFilter;
        }

        @Override
        public int hashCode() {
            return TestConfigurationFilter.class.hashCode();
        }
    }
}
