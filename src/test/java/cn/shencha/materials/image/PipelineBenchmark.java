package cn.shencha.materials.image;

import cn.shencha.materials.TestImages;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: measures the pipeline on this machine. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.shencha.materials.image.PipelineBenchmark [rounds]}
 * (see docs/materials.md); {@code ... PipelineBenchmark concurrent [uploads]} runs that many phone photos at once
 * (start it with {@code -Xmx1g}); {@code ... PipelineBenchmark write DIR} writes sample files.
 * Other harnesses call {@link #measurePhoneShrink(int)}.
 */
public final class PipelineBenchmark {

    static final int LIMIT = 200 * 1024;

    private PipelineBenchmark() {
    }

    /**
     * One phone photo shrunk, single thread, warmed up: median and 90th percentile of the wall time (the upper
     * median for an even count), the bytes the thread allocated per shrink (mean), and what was stored.
     */
    public record PhotoShrinkFigures(long medianMillis, long p90Millis, long allocatedBytesPerShrink, int storedBytes,
                                     int width, int height) {
    }

    /** Shrinks {@link #phonePhoto()} to 200 KB {@code rounds} times, after a warm-up, and measures each. */
    public static PhotoShrinkFigures measurePhoneShrink(int rounds) {
        return measure(rounds).figures();
    }

    /** The figures, and the median CPU time of the thread (less disturbed than wall time on a busy machine). */
    private record Measured(PhotoShrinkFigures figures, long medianCpuMillis) {
    }

    private static Measured measure(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        ImagePipeline pipeline = pipeline();
        byte[] photo = phonePhoto();
        for (int i = 0; i < 5; i++) { // class loading, JIT
            pipeline.process(photo, LIMIT);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] millis = new long[rounds];
        long[] cpuMillis = new long[rounds];
        long allocated = 0;
        ProcessedImage last = null;
        for (int i = 0; i < rounds; i++) {
            long bytesBefore = threads.getThreadAllocatedBytes(thread);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = pipeline.process(photo, LIMIT);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            allocated += threads.getThreadAllocatedBytes(thread) - bytesBefore;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        return new Measured(new PhotoShrinkFigures(millis[rounds / 2], millis[(int) Math.ceil(rounds * 0.9) - 1],
                allocated / rounds, last.bytes().length, last.width(), last.height()), cpuMillis[rounds / 2]);
    }

    /**
     * A phone photo of a document: 4032×3024 (12 MP) JPEG at quality 0.92, about 3 MB, lying on its side with
     * EXIF orientation 6 (the phone held upright) and a GPS position, as phones store them.
     */
    public static byte[] phonePhoto() {
        return TestImages.withExif(TestImages.jpeg(TestImages.document(4032, 3024, 42, 5), 0.92f), 6, "GPS");
    }

    static ImagePipeline pipeline() {
        return new ImagePipeline(new ImagePipeline.Limits(20 * 1024 * 1024, 200_000_000L, 20_000, 16_000_000L, 2560,
                1280, 600, 2));
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && "write".equals(args[0])) { // sample files for trying the API with curl
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1]));
            java.nio.file.Files.write(dir.resolve("small-150k.jpg"), smallJpeg(150 * 1024));
            java.nio.file.Files.write(dir.resolve("phone-12mp.jpg"), phonePhoto());
            java.nio.file.Files.write(dir.resolve("animation.jpg"), TestImages.write(TestImages.quadrants(64, 48), "gif"));
            return;
        }
        if (args.length >= 1 && "concurrent".equals(args[0])) {
            concurrent(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            return;
        }
        if (args.length >= 1 && "small".equals(args[0])) { // only process() on the 150 KB file: any build
            ImagePipeline pipeline = pipeline();
            byte[] small = smallJpeg(150 * 1024);
            for (int i = 0; i < 30; i++) {
                pipeline.process(small, LIMIT);
            }
            report("150 KB JPEG, stored as it is", pipeline, small, LIMIT, args.length > 1 ? Integer.parseInt(args[1]) : 50);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ImagePipeline pipeline = pipeline();
        int limit = LIMIT;

        byte[] small = smallJpeg(150 * 1024);
        byte[] phone = phonePhoto();
        System.out.printf("inputs: %d KB JPEG 1200×900; %d KB JPEG 4032×3024 (12 MP, EXIF orientation 6)%n",
                small.length / 1024, phone.length / 1024);

        for (int i = 0; i < 20; i++) { // warm-up: class loading, JIT
            pipeline.process(small, limit);
        }
        report("150 KB JPEG, stored as it is", pipeline, small, limit, Math.max(rounds, 25));
        smallBreakdown(small, Math.max(rounds, 25));
        Measured measured = measure(rounds);
        PhotoShrinkFigures figures = measured.figures();
        System.out.printf("12 MP phone photo, shrunk: median %d ms (CPU %d ms), p90 %d ms, allocated %d MB per shrink"
                        + " → %d KB, %d×%d%n", figures.medianMillis(), measured.medianCpuMillis(), figures.p90Millis(),
                figures.allocatedBytesPerShrink() / (1024 * 1024), figures.storedBytes() / 1024, figures.width(),
                figures.height());

        // The steps of the phone photo's shrink, then what a 2560 px result would cost instead.
        long t0 = System.nanoTime();
        BufferedImage decoded = Codecs.decode(FileKind.JPEG, phone, 1);
        long t1 = System.nanoTime();
        Scaler scaler = new Scaler(decoded);
        BufferedImage probe = scaler.at(1000); // halved twice from the decoded bytes, then averaged
        long t2 = System.nanoTime();
        BlurMeter.sharpness(probe);
        long t3 = System.nanoTime();
        Codecs.encodeJpeg(probe, 0.72f);
        long t4 = System.nanoTime();
        BufferedImage stored = scaler.at(figures.height()); // from the first halving (the long side: upright)
        long t5 = System.nanoTime();
        Codecs.encodeJpeg(stored, 0.72f);
        long t6 = System.nanoTime();
        BufferedImage large = scaler.at(2560); // from the full picture, copied to TYPE_INT_RGB first
        long t7 = System.nanoTime();
        Codecs.encodeJpeg(large, 0.72f);
        long t8 = System.nanoTime();
        System.out.printf("breakdown: decode 12 MP %d ms; 1000 px probe %d ms, blur meter %d ms, probe encode %d ms; "
                        + "scale to %d px %d ms, encode %d ms; (scale to 2560 px %d ms, encode %d ms)%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), figures.height(), ms(t5 - t4), ms(t6 - t5),
                ms(t7 - t6), ms(t8 - t7));

        BufferedImage sharp = TestImages.document(1600, 1200, 7);
        System.out.printf("sharpness: sharp %.0f, blurred r2 %.0f, r4 %.0f (threshold %.0f)%n",
                BlurMeter.sharpness(sharp), BlurMeter.sharpness(TestImages.blurred(sharp, 2)),
                BlurMeter.sharpness(TestImages.blurred(sharp, 4)), BlurMeter.BLURRY_BELOW);
    }

    /**
     * {@code uploads} phone photos at once, each from its own thread, as many uploads in flight would: all must be
     * stored, none refused as busy (which is also what an OutOfMemoryError while decoding turns into).
     */
    private static void concurrent(int uploads) throws java.io.IOException {
        ImagePipeline pipeline = pipeline();
        byte[] phone = phonePhoto();
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            photos.add(phone.clone()); // each upload holds its own bytes
        }
        ExecutorService threads = Executors.newFixedThreadPool(uploads);
        long start = System.nanoTime();
        List<Future<ProcessedImage>> results = new ArrayList<>();
        for (byte[] photo : photos) {
            results.add(threads.submit(() -> pipeline.process(photo, LIMIT)));
        }
        int stored = 0;
        List<String> failures = new ArrayList<>();
        for (Future<ProcessedImage> result : results) {
            try {
                result.get();
                stored++;
            } catch (Exception | Error e) {
                failures.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
            }
        }
        threads.shutdown();
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%d phone photos at once (max heap %d MB): %d stored, %d failed in %d ms; peak heap used ≤ %d MB%n",
                uploads, Runtime.getRuntime().maxMemory() / (1024 * 1024), stored, failures.size(),
                (System.nanoTime() - start) / 1_000_000, peakHeap / (1024 * 1024));
        failures.stream().distinct().forEach(f -> System.out.println("  " + f));
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    /** Wall and CPU time (the thread's, less disturbed on a busy machine) of whole runs; bytes allocated (mean). */
    private static void report(String label, ImagePipeline pipeline, byte[] input, int limit, int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] micros = new long[rounds];
        long[] cpuMicros = new long[rounds];
        long allocated = 0;
        long thread = Thread.currentThread().getId();
        ProcessedImage last = null;
        for (int i = 0; i < rounds; i++) {
            long bytesBefore = threads.getThreadAllocatedBytes(thread);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = pipeline.process(input, limit);
            micros[i] = (System.nanoTime() - start) / 1_000;
            cpuMicros[i] = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000;
            allocated += threads.getThreadAllocatedBytes(thread) - bytesBefore;
        }
        Arrays.sort(micros);
        Arrays.sort(cpuMicros);
        System.out.printf("%s: median %.1f ms (min %.1f, max %.1f), CPU median %.1f ms (min %.1f), allocated %.1f MB"
                        + " → %d KB, %d×%d, quality %.2f, warnings %s%n", label, micros[rounds / 2] / 1e3,
                micros[0] / 1e3, micros[rounds - 1] / 1e3, cpuMicros[rounds / 2] / 1e3, cpuMicros[0] / 1e3,
                allocated / rounds / (1024.0 * 1024), last.bytes().length / 1024, last.width(), last.height(),
                last.quality(), last.warnings());
    }

    /**
     * The steps of the 150 KB file's path one by one, each the median CPU time of the thread over {@code rounds}
     * (wall time in brackets): what {@link ImagePipeline#process} does for a file it stores as it is.
     */
    private static void smallBreakdown(byte[] small, int rounds) {
        String[] steps = {"sniff", "container walk", "EXIF orientation", "decode luminance", "scale to 1000 px",
                "blur meter", "SHA-256"};
        long[][] cpu = new long[steps.length][rounds];
        long[][] wall = new long[steps.length][rounds];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = -5; r < rounds; r++) { // the first five warm up
            Container[] container = new Container[1];
            BufferedImage[] picture = new BufferedImage[1];
            Runnable[] work = {
                () -> FileKind.of(small),
                () -> container[0] = Container.of(FileKind.JPEG, small, (w, h) -> { }),
                () -> Orientation.of(small),
                () -> picture[0] = Codecs.decodeLuma(container[0].stripped()),
                () -> picture[0] = new Scaler(picture[0]).at(1000),
                () -> BlurMeter.sharpness(picture[0]),
                () -> ImagePipeline.sha256(container[0].stripped()),
            };
            for (int s = 0; s < steps.length; s++) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                work[s].run();
                if (r >= 0) {
                    wall[s][r] = System.nanoTime() - start;
                    cpu[s][r] = threads.getCurrentThreadCpuTime() - cpuBefore;
                }
            }
        }
        StringBuilder line = new StringBuilder("150 KB breakdown, CPU median (wall):");
        for (int s = 0; s < steps.length; s++) {
            Arrays.sort(cpu[s]);
            Arrays.sort(wall[s]);
            line.append(String.format(" %s %.2f (%.2f) ms;", steps[s], cpu[s][rounds / 2] / 1e6, wall[s][rounds / 2] / 1e6));
        }
        System.out.println(line);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** A document photo of about the given size as a JPEG that needs no shrinking. */
    private static byte[] smallJpeg(int targetBytes) {
        BufferedImage picture = TestImages.document(1200, 900, 3, 2);
        byte[] best = null;
        for (float q = 0.95f; q > 0.3f; q -= 0.02f) {
            byte[] jpeg = TestImages.jpeg(picture, q);
            if (jpeg.length <= targetBytes) {
                return jpeg;
            }
            best = jpeg;
        }
        return best;
    }
}
