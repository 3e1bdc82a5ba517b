package cn.shencha.bench;

import java.util.Arrays;

/** Latencies of many calls, for percentiles. Thread-safe appends. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    synchronized int count() {
        return size;
    }

    /** @param p 0–100 */
    synchronized double millis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }
}
