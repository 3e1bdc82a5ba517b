package cn.shencha.admin.ui;

import cn.shencha.admin.Progress;
import com.vaadin.flow.component.UI;
import jakarta.annotation.PreDestroy;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a long admin operation (moving thousands of timers, a big import) off the request thread, as the
 * signed-in administrator, and shows its progress: the page polls while the job runs (no server push needed).
 */
@Component
class AdminJobs {

    static final int POLL_MILLIS = 500;

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "admin-job-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param work       the operation; runs in a worker thread with the caller's security context and locale
     * @param onProgress runs in the UI with (done, total)
     * @param onDone     runs in the UI with the result, or with the failure
     */
    <T> CompletableFuture<T> run(UI ui, Function<Progress, T> work, BiConsumer<Integer, Integer> onProgress,
                                 BiConsumer<T, Throwable> onDone) {
        SecurityContext security = SecurityContextHolder.getContext();
        Locale locale = ui.getLocale();
        ui.setPollInterval(POLL_MILLIS);
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            LocaleContextHolder.setLocale(locale);
            try {
                return work.apply((done, total) -> ui.access(() -> onProgress.accept(done, total)));
            } finally {
                SecurityContextHolder.clearContext();
                LocaleContextHolder.resetLocaleContext();
            }
        }, executor);
        return future.whenComplete((result, failure) -> ui.access(() -> {
            ui.setPollInterval(-1);
            onDone.accept(result, unwrap(failure));
        }));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
