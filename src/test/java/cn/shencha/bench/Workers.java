package cn.shencha.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs the same work on n threads at once and waits for all; the first failure is rethrown. */
final class Workers {

    private Workers() {
    }

    /** @return the wall-clock nanoseconds from the start of the first worker to the end of the last */
    static long run(int threads, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                futures.add(pool.submit(() -> work.accept(worker)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A worker failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Items i with i % threads == worker: a fair split without sharing. */
    static <T> List<T> share(List<T> items, int worker, int threads) {
        List<T> mine = new ArrayList<>();
        for (int i = worker; i < items.size(); i += threads) {
            mine.add(items.get(i));
        }
        return mine;
    }
}
