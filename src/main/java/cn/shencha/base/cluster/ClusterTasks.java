package cn.shencha.base.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic tasks that must run once per cluster, not once per node (upload reminders, reviewers' digest, image
 * sweeper, daily snapshots): every node's scheduler calls {@link #runOnce} on its own tick; the task runs on the
 * node that takes its row of the {@code shedlock} table (ShedLock's JDBC provider, the database's clock) and the
 * others skip that tick. The lock is kept at least {@code minGap} after the start (a little less than the task's
 * period), so a node whose tick comes a moment later does not run the same period again, and at most
 * {@code maxHold}, so the lock of a node that died while running is free again after that.
 */
public class ClusterTasks {

    private static final Logger log = LoggerFactory.getLogger(ClusterTasks.class);

    private final LockingTaskExecutor executor;
    private final NodeName node;
    private final Map<String, AtomicLong> runsHere = new ConcurrentHashMap<>();

    ClusterTasks(LockingTaskExecutor executor, NodeName node) {
        this.executor = executor;
        this.node = node;
    }

    /** The lock's least hold for a task every {@code period}: nine tenths of it (node clocks and ticks drift). */
    public static Duration minGapFor(Duration period) {
        return period.minus(period.dividedBy(10));
    }

    /**
     * Runs the task here unless another node runs it, or ran it less than {@code minGap} ago.
     *
     * @return whether it ran on this node
     */
    public boolean runOnce(String name, Duration minGap, Duration maxHold, Runnable task) {
        LockConfiguration lock = new LockConfiguration(Instant.now(), name, maxHold.compareTo(minGap) < 0 ? minGap : maxHold,
                minGap);
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = executor.executeWithLock(() -> {
                task.run();
                return Boolean.TRUE;
            }, lock);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result.wasExecuted()) {
            runsHere.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
            log.debug("{} ran on {}", name, node);
            return true;
        }
        log.debug("{} skipped on {}: another node holds it", name, node);
        return false;
    }

    /** How often the task ran on this node since the start. */
    public long runsHere(String name) {
        AtomicLong runs = runsHere.get(name);
        return runs == null ? 0 : runs.get();
    }

    public NodeName node() {
        return node;
    }
}
