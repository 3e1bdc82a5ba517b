package cn.shencha.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went in a Java Flight Recorder recording ({@code settings=profile}): each execution sample of the
 * threads that did the work is attributed to the topmost frame of a known library (JDK frames are charged to whoever
 * called them, so a {@code HashMap.get} inside Hibernate is Hibernate's). Shares of the samples, largest first.
 */
final class Profile {

    /** Package prefixes to the part of the app they stand for; the first match wins, so the narrower come first. */
    private static final Map<String, String> PARTS = parts();

    private Profile() {
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("cn.shencha.bench.StatementCounter", "the benchmark's statement counter");
        parts.put("cn.shencha.materials.image.", "our image check");
        parts.put("cn.shencha.", "our code");
        parts.put("org.camunda.bpm.engine.impl.db.", "Camunda: its SQL session and entity cache");
        parts.put("org.camunda.", "Camunda engine");
        parts.put("org.apache.ibatis.", "MyBatis (Camunda's SQL)");
        parts.put("org.hibernate.", "Hibernate");
        parts.put("com.mysql.", "Connector/J");
        parts.put("org.h2.", "H2");
        parts.put("com.zaxxer.", "HikariCP");
        parts.put("org.springframework.security.", "Spring Security");
        parts.put("org.springframework.data.", "Spring Data, transactions, AOP");
        parts.put("org.springframework.orm.", "Spring Data, transactions, AOP");
        parts.put("org.springframework.transaction.", "Spring Data, transactions, AOP");
        parts.put("org.springframework.aop.", "Spring Data, transactions, AOP");
        parts.put("org.springframework.", "Spring (other)");
        parts.put("org.apache.catalina.", "Tomcat");
        parts.put("org.apache.coyote.", "Tomcat");
        parts.put("org.apache.tomcat.", "Tomcat");
        parts.put("com.fasterxml.jackson.", "Jackson");
        parts.put("com.vaadin.", "Vaadin");
        parts.put("ch.qos.logback.", "logging");
        parts.put("org.slf4j.", "logging");
        return parts;
    }

    /** The threads of HTTP requests (Tomcat's workers). */
    static final Predicate<String> REQUEST_THREADS = name -> name.startsWith("http-nio-");

    /** Every thread that sampled Java code. */
    static final Predicate<String> ALL_THREADS = name -> true;

    /**
     * @param threads which threads' samples count (by thread name)
     * @return e.g. "Camunda engine 31 %, Hibernate 14 %, … (1,204 samples of request threads)"
     */
    static String shares(Path recording, Predicate<String> threads, String threadsLabel) {
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        Map<String, Integer> owners = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
                if (thread == null || !threads.test(thread)) {
                    continue;
                }
                List<String> classes = event.getStackTrace().getFrames().stream()
                        .map(f -> f.getMethod() == null ? "" : f.getMethod().getType().getName()).toList();
                counts.merge(partOf(classes), 1, Integer::sum);
                total++;
                owners.merge(owner(classes), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String shares = describe(counts, total, threadsLabel);
        return total == 0 ? shares : shares + "; by whose code is nearest the top: " + describe(owners, total, "the same");
    }

    static final String OURS = "our code (and what it calls)";
    static final String ENGINE = "Camunda's own code (and what it calls)";
    static final String NEITHER = "neither (web server, security filters, pools)";

    /**
     * Whose work a sample is: the nearer the top of the stack of a frame of ours (cn.shencha, not the benchmark's
     * counter) and a frame of Camunda's. A listener of ours that the engine calls is ours; the engine's SQL after it is
     * the engine's.
     */
    static String owner(List<String> classesTopFirst) {
        for (String type : classesTopFirst) {
            if (type.startsWith("cn.shencha.") && !type.startsWith("cn.shencha.bench.")) {
                return OURS;
            }
            if (type.startsWith("org.camunda.")) {
                return ENGINE;
            }
        }
        return NEITHER;
    }

    /** @param classesTopFirst the class of each frame of one sample, the top frame first */
    static String partOf(List<String> classesTopFirst) {
        for (String type : classesTopFirst) {
            for (Map.Entry<String, String> part : PARTS.entrySet()) {
                if (type.startsWith(part.getKey())) {
                    return part.getValue();
                }
            }
        }
        return "JDK only (no library frame)";
    }

    static String describe(Map<String, Integer> counts, int total, String threadsLabel) {
        if (total == 0) {
            return "no samples of " + threadsLabel;
        }
        StringBuilder s = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> s
                .append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.0f %%", 100.0 * e.getValue() / total)));
        return s.append(String.format(Locale.ROOT, " (%,d samples of %s)", total, threadsLabel)).toString();
    }
}
