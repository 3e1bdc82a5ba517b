package cn.shencha.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in its own JVM, as it would run on the node: real HTTP on a free port, real database,
 * its own heap ({@code -Xmx}), its output in a log file. Measured from outside: time to the first answer,
 * resident memory from /proc, the live heap after a full GC through {@code jcmd}, heap peaks through
 * {@code jstat}.
 */
final class AppUnderTest implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final long millisToFirstAnswer;
    private final Path log;

    private AppUnderTest(Process process, int port, long millisToFirstAnswer, Path log) {
        this.process = process;
        this.port = port;
        this.millisToFirstAnswer = millisToFirstAnswer;
        this.log = log;
    }

    /**
     * @param jvmOptions e.g. -Xmx1g
     * @param env        environment of the app (profiles, database, storage)
     * @param args       Spring properties as --name=value
     */
    static AppUnderTest start(String label, Path workDir, List<String> jvmOptions, Map<String, String> env,
                              List<String> args) {
        return start(label, freePort(), workDir, jvmOptions, env, args);
    }

    /** The same on a given port (a node behind a balancer whose configuration names it). */
    static AppUnderTest start(String label, int port, Path workDir, List<String> jvmOptions, Map<String, String> env,
                              List<String> args) {
        return start(label, port, workDir, jvmOptions, List.of("-cp", System.getProperty("java.class.path"),
                BenchApplication.class.getName()), env, args);
    }

    /**
     * The packaged application as the Docker image runs it: {@code java -jar} on the jar that Spring Boot's
     * {@code jarmode=tools extract} wrote next to its {@code lib/} folder.
     */
    static AppUnderTest startExtracted(String label, Path workDir, List<String> jvmOptions, Path applicationJar,
                                       Map<String, String> env, List<String> args) {
        return start(label, freePort(), workDir, jvmOptions, List.of("-jar", applicationJar.toString()), env, args);
    }

    private static AppUnderTest start(String label, int port, Path workDir, List<String> jvmOptions, List<String> launch,
                                      Map<String, String> env, List<String> args) {
        Path log = workDir.resolve("app-" + label + ".log");
        List<String> command = new ArrayList<>();
        command.add(jdkTool("java"));
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(Path.of("").toAbsolutePath().toFile()); // Vaadin dev mode wants the project directory
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(workDir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long millis = waitForFirstAnswer(process, port, start, log);
        return new AppUnderTest(process, port, millis, log);
    }

    private static long waitForFirstAnswer(Process process, int port, long start, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped during start-up; see " + log + ":\n" + tail(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("No answer within 10 minutes; see " + log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long millisToFirstAnswer() {
        return millisToFirstAnswer;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** kill -9 of the app's JVM (a node that dies: no shutdown hook, nothing flushed). */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The app " + pid() + " still runs after kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Resident set size of the app's JVM. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No VmRSS for " + pid());
    }

    /**
     * Full GC in the app (jcmd GC.run), then the heap in use: both commands from one file, so one jcmd JVM (each
     * costs seconds of start-up on a loaded machine).
     */
    long liveHeapBytes() {
        String out;
        try {
            Path commands = Files.createTempFile("jcmd-", ".txt");
            try {
                Files.writeString(commands, "GC.run\nGC.heap_info\n");
                out = run(List.of(jdkTool("jcmd"), String.valueOf(pid()), "-f", commands.toString()));
            } finally {
                Files.deleteIfExists(commands);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // G1 prints one line for the heap; the serial collector (the smoke test's) one per generation: their sum.
        Matcher m = HEAP_USED.matcher(out);
        long usedKb = 0;
        boolean found = false;
        while (m.find()) {
            usedKb += Long.parseLong(m.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("Unexpected GC.heap_info output: " + out);
        }
        return usedKb * 1024;
    }

    /** Samples the app's used heap (young + old, from jstat) every 100 ms until closed; keeps the peak. */
    HeapPeak heapPeak() {
        return new HeapPeak(pid());
    }

    static final class HeapPeak implements AutoCloseable {

        private final Process jstat;
        private final AtomicLong peakBytes = new AtomicLong();
        private final Thread reader;

        private HeapPeak(long pid) {
            try {
                jstat = new ProcessBuilder(jdkTool("jstat"),
                        "-gc", String.valueOf(pid), "100").redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String header = lines.readLine();
                    if (header == null) {
                        return;
                    }
                    List<String> columns = List.of(header.trim().split("\\s+"));
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] values = line.trim().split("\\s+");
                        if (values.length != columns.size() || values[0].equals(columns.get(0))) {
                            continue;
                        }
                        double usedKb = 0;
                        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                            usedKb += Double.parseDouble(values[columns.indexOf(column)]);
                        }
                        long used = (long) (usedKb * 1024);
                        peakBytes.accumulateAndGet(used, Math::max);
                    }
                } catch (IOException | RuntimeException e) {
                    // jstat ended
                }
            }, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        long peakBytes() {
            return peakBytes.get();
        }

        @Override
        public void close() {
            jstat.destroy();
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lines of the app's log that contain the text (errors, deadlocks). */
    long logLinesContaining(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the app's log shows an OutOfMemoryError. */
    boolean loggedOutOfMemory() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A tool of the JDK this benchmark runs on (java, jcmd, jstat). */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A free port of this worktree's range ({@code -Dshencha.test.ports}), as the tests take theirs. */
    private static int freePort() {
        return cn.shencha.support.TestPorts.free();
    }
}
