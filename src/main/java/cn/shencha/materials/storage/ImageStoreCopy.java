package cn.shencha.materials.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every image of a file store into a bucket under the same key, so the rows (which hold the keys) need no
 * change. Idempotent and resumable: an object already in the bucket with the file's size and SHA-256 is skipped,
 * any other (missing, shorter after an interrupted run, different) is written again, whole. Safe while the app
 * still runs on the file store: new uploads are picked up by the next run, and a file deleted after it was copied
 * leaves an object without a row, which the sweeper removes.
 */
final class ImageStoreCopy {

    private static final Logger log = LoggerFactory.getLogger(ImageStoreCopy.class);
    private static final int PROGRESS_EVERY = 1000;

    record Result(int total, int copied, int skipped, int failed) {
    }

    private ImageStoreCopy() {
    }

    static Result copy(FileSystemImageStore from, S3ImageStore to, int threads) throws IOException, InterruptedException {
        List<String> keys = from.keys();
        log.info("Copying {} images from {} into the bucket {} ({} at a time)", keys.size(), from.root(), to.bucket(), threads);
        AtomicInteger copied = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 4);
        try {
            for (String key : keys) {
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        if (copyOne(from, to, key)) {
                            copied.incrementAndGet();
                        } else {
                            skipped.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        log.warn("Cannot copy {}: {}", key, e.getMessage());
                    } finally {
                        inFlight.release();
                        int done = copied.get() + skipped.get() + failed.get();
                        if (done % PROGRESS_EVERY == 0) {
                            log.info("{} of {} images done ({} copied, {} there already, {} failed)", done, keys.size(),
                                    copied.get(), skipped.get(), failed.get());
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
        }
        Result result = new Result(keys.size(), copied.get(), skipped.get(), failed.get());
        log.info("Copied {} images into the bucket {}, {} were there already, {} failed (of {})", result.copied(),
                to.bucket(), result.skipped(), result.failed(), result.total());
        return result;
    }

    /** @return true when the object was written, false when the bucket had it already */
    private static boolean copyOne(FileSystemImageStore from, S3ImageStore to, String key) throws IOException {
        Optional<S3ImageStore.Head> head = to.head(key);
        long size = Files.size(from.file(key));
        if (head.isPresent() && head.get().length() == size && head.get().sha256().isPresent()) {
            byte[] bytes = Files.readAllBytes(from.file(key));
            if (head.get().sha256().get().equals(S3ImageStore.sha256(bytes))) {
                return false;
            }
            to.putAt(key, bytes);
            return true;
        }
        to.putAt(key, Files.readAllBytes(from.file(key)));
        return true;
    }
}
