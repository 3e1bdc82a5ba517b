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
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
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
        return new Usage(appPid, db, seconds(appPid), db > 0 ? seconds(db) : 0);
    }

    record Usage(long appPid, long dbPid, double app0, double db0) {

        /** e.g. "CPU per upload: app 9.1 ms + database 2.3 ms" */
        String perItem(String item, int count) {
            double app = (seconds(appPid) - app0) * 1000 / Math.max(1, count);
            double db = dbPid > 0 ? (seconds(dbPid) - db0) * 1000 / Math.max(1, count) : 0;
            return String.format(java.util.Locale.ROOT, "CPU per %s: app %.1f ms + database %.1f ms", item, app, db);
        }
    }
}
