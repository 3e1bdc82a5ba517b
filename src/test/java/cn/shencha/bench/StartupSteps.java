package cn.shencha.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * Spring's start-up steps of the benchmark's app (as {@code /actuator/startup} would list them), written to its log at
 * {@code ApplicationReadyEvent}: the slowest bean instantiations with their own time (less their nested steps'), and
 * the context's phases. Only when {@code -Dbench.startupSteps=true}.
 */
final class StartupSteps {

    private StartupSteps() {
    }

    static void log(BufferingApplicationStartup startup) {
        StartupTimeline timeline = startup.getBufferedTimeline();
        Map<Long, Duration> nested = new LinkedHashMap<>();
        for (StartupTimeline.TimelineEvent e : timeline.getEvents()) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                nested.merge(parent, e.getDuration(), Duration::plus);
            }
        }
        StringBuilder out = new StringBuilder("[startup-steps] ").append(timeline.getEvents().size()).append(" steps\n");
        timeline.getEvents().stream()
                .sorted(Comparator.comparing((StartupTimeline.TimelineEvent e) ->
                        e.getDuration().minus(nested.getOrDefault(e.getStartupStep().getId(), Duration.ZERO))).reversed())
                .limit(40)
                .forEach(e -> out.append(String.format("[startup-steps] self %5d ms, total %5d ms  %s %s%n",
                        e.getDuration().minus(nested.getOrDefault(e.getStartupStep().getId(), Duration.ZERO)).toMillis(),
                        e.getDuration().toMillis(), e.getStartupStep().getName(), tags(e.getStartupStep()))));
        System.out.print(out);
    }

    private static String tags(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", "));
    }
}
