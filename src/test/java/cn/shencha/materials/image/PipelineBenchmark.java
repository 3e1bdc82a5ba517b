package cn.shencha.materials.image;

import cn.shencha.materials.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Not a test: measures the pipeline on this machine. Run with
 * {@code ./mvnw -o -q test-compile exec:java}-free: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * cn.shencha.materials.image.PipelineBenchmark} (see docs/materials.md).
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && "write".equals(args[0])) { // sample files for trying the API with curl
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1]));
            java.nio.file.Files.write(dir.resolve("small-150k.jpg"), smallJpeg(150 * 1024));
            java.nio.file.Files.write(dir.resolve("phone-12mp.jpg"),
                    TestImages.withExif(TestImages.jpeg(TestImages.document(4000, 3000, 42), 0.92f), 6, "GPS"));
            java.nio.file.Files.write(dir.resolve("animation.jpg"), TestImages.write(TestImages.quadrants(64, 48), "gif"));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ImagePipeline pipeline = new ImagePipeline(new ImagePipeline.Limits(20 * 1024 * 1024, 200_000_000L, 20_000,
                16_000_000L, 2560, 1280, 600, 2));
        int limit = 200 * 1024;

        byte[] small = smallJpeg(150 * 1024);
        byte[] phone = TestImages.jpeg(TestImages.document(4000, 3000, 42), 0.92f);
        System.out.printf("inputs: %d KB JPEG 1600 px; %d KB JPEG 4000×3000 (12 MP)%n", small.length / 1024, phone.length / 1024);

        for (int i = 0; i < 3; i++) { // warm-up: class loading, JIT
            pipeline.process(small, limit);
            pipeline.process(phone, limit);
        }
        report("150 KB JPEG, stored as it is", pipeline, small, limit, rounds);
        report("12 MP photo, shrunk", pipeline, phone, limit, rounds);

        long t0 = System.nanoTime();
        BufferedImage decoded = Codecs.decode(FileKind.JPEG, phone, 1);
        long t1 = System.nanoTime();
        BufferedImage scaled = null;
        try {
            scaled = net.coobird.thumbnailator.Thumbnails.of(decoded).size(2560, 2560)
                    .imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long t2 = System.nanoTime();
        Codecs.encodeJpeg(scaled, 0.72f);
        long t3 = System.nanoTime();
        double s = BlurMeter.sharpness(scaled);
        long t4 = System.nanoTime();
        System.out.printf("breakdown: decode 12 MP %d ms, scale to 2560 %d ms, encode 2560 %d ms, blur meter %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);

        BufferedImage sharp = TestImages.document(1600, 1200, 7);
        System.out.printf("sharpness: sharp %.0f, blurred r2 %.0f, r4 %.0f (threshold %.0f)%n",
                BlurMeter.sharpness(sharp), BlurMeter.sharpness(TestImages.blurred(sharp, 2)),
                BlurMeter.sharpness(TestImages.blurred(sharp, 4)), BlurMeter.BLURRY_BELOW);
    }

    private static void report(String label, ImagePipeline pipeline, byte[] input, int limit, int rounds) {
        long[] millis = new long[rounds];
        ProcessedImage last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = pipeline.process(input, limit);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%s: median %d ms (min %d, max %d) → %d KB, %d×%d, quality %.2f%n", label,
                millis[rounds / 2], millis[0], millis[rounds - 1], last.bytes().length / 1024, last.width(),
                last.height(), last.quality());
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
