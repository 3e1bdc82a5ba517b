package cn.shencha.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system, from /proc), so that a scenario can say how many milliseconds
 * of CPU each case cost in the app and in the database: on a 2-core node that, not the wall clock, sets the
 * ceiling of every rate.
 */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuClock() {
    }

    /** CPU seconds used so far by the process, or NaN where /proc cannot tell. */
    static double seconds(long pid) {
        try {
            return statSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds used so far by the app's JIT compiler threads and by its garbage collector's threads (by
     * thread name), so that a figure can say how much of the app's CPU was warming up or collecting.
     */
    static double[] jitAndGcSeconds(long pid) {
        double jit = 0;
        double gc = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim(); // at most 15 characters
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += statSeconds(thread.resolve("stat"));
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += statSeconds(thread.resolve("stat"));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {jit, gc};
    }

    /** utime + stime of a process's or a thread's {@code stat} file (after the command name, which may hold spaces). */
    private static double statSeconds(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The local MariaDB (or MySQL) server's process, if it runs on this machine. */
    static OptionalLong databaseServer() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm")).trim();
                            return comm.equals("mariadbd") || comm.equals("mysqld");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU used by the app and the database from now on. */
    static Usage start(long appPid) {
        long db = databaseServer().orElse(-1);
        double[] jitAndGc = jitAndGcSeconds(appPid);
        return new Usage(appPid, db, seconds(appPid), db > 0 ? seconds(db) : 0, jitAndGc[0], jitAndGc[1]);
    }

    record Usage(long appPid, long dbPid, double app0, double db0, double jit0, double gc0) {

        /** Milliseconds of the app's CPU per item since the start. */
        double appMillisPer(int count) {
            return (seconds(appPid) - app0) * 1000 / Math.max(1, count);
        }

        /** Milliseconds of the database server's CPU per item since the start (0 without a local server). */
        double databaseMillisPer(int count) {
            return dbPid > 0 ? (seconds(dbPid) - db0) * 1000 / Math.max(1, count) : 0;
        }

        /** e.g. "CPU per upload: app 9.1 ms (of which JIT compiler 0.4, GC 0.8) + database 2.3 ms" */
        String perItem(String item, int count) {
            int n = Math.max(1, count);
            double[] jitAndGc = jitAndGcSeconds(appPid);
            // A compiler thread that ended meanwhile takes its time along: never below zero.
            double jit = Math.max(0, jitAndGc[0] - jit0) * 1000 / n;
            double gc = Math.max(0, jitAndGc[1] - gc0) * 1000 / n;
            return String.format(java.util.Locale.ROOT, "CPU per %s: app %.1f ms (of which JIT compiler %.1f, GC %.1f)"
                    + " + database %.1f ms", item, appMillisPer(count), jit, gc, databaseMillisPer(count));
        }
    }
}
