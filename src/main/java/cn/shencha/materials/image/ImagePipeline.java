package cn.shencha.materials.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an uploaded file into the image to store, or refuses it with a reason the candidate understands:
 * <ol>
 * <li>format by content: JPEG or PNG, nothing else, whatever the name;</li>
 * <li>structure walked and dimensions checked from the header before any decoding (decompression bombs);</li>
 * <li>decoded (larger pictures subsampled while decoding, so memory stays bounded); broken files refused;</li>
 * <li>a file that fits the limit, is upright and needs no colour conversion is stored as it was, only with
 *     its metadata removed; any other is turned upright and re-encoded as JPEG, scaled down step by step only
 *     as far as needed to fit the limit, never below a legible size;</li>
 * <li>quality hints: too small to read, probably blurred.</li>
 * </ol>
 * Scaling uses Thumbnailator (progressive bilinear: it halves in steps, so thin strokes of text survive a
 * 3–6× reduction, where one bilinear step would drop them).
 */
public class ImagePipeline {

    /** Quality steps for JPEG re-encoding: stay high while a larger picture still fits. */
    private static final float GOOD_QUALITY = 0.72f;
    private static final float BEST_QUALITY = 0.92f;
    private static final float LOWEST_QUALITY = 0.45f;
    private static final double SIZE_STEP = 0.85;
    private static final int BLUR_MEASURE_SIDE = 1000;

    /** See {@code cn.shencha.materials.MaterialsProperties} for what each limit means. */
    public record Limits(int maxUploadBytes, long maxSourcePixels, int maxSourceSide, long maxDecodedPixels,
                         int maxStoredLongSide, int legibleLongSide, int smallShortSide, int concurrentDecodes) {
    }

    private final Limits limits;
    private final Semaphore decodes;

    public ImagePipeline(Limits limits) {
        this.limits = limits;
        this.decodes = new Semaphore(Math.max(1, limits.concurrentDecodes()), true);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * @param original      the uploaded bytes
     * @param maxStoredBytes the district's limit for a stored file
     * @throws cn.shencha.base.web.ShenchaException with the reason when the file is refused
     */
    public ProcessedImage process(byte[] original, int maxStoredBytes) {
        if (original == null || original.length == 0) {
            throw ImageRefusal.empty();
        }
        if (original.length > limits.maxUploadBytes()) {
            throw ImageRefusal.tooLarge();
        }
        FileKind kind = FileKind.of(original);
        if (!kind.accepted()) {
            throw ImageRefusal.unsupported(kind);
        }
        Container container = Container.of(kind, original, this::checkHeader);
        int orientation = Orientation.of(original);
        int subsampling = subsampling(container.width(), container.height());

        acquire();
        try {
            BufferedImage decoded = Codecs.decode(kind, original, subsampling);
            return finish(original, container, orientation, subsampling, decoded, maxStoredBytes);
        } finally {
            decodes.release();
        }
    }

    private ProcessedImage finish(byte[] original, Container container, int orientation, int subsampling,
                                  BufferedImage decoded, int maxStoredBytes) {
        boolean swap = Orientation.swapsSides(orientation);
        int uprightWidth = swap ? container.height() : container.width();
        int uprightHeight = swap ? container.width() : container.height();
        Set<QualityWarning> warnings = EnumSet.noneOf(QualityWarning.class);
        if (Math.min(uprightWidth, uprightHeight) < limits.smallShortSide()) {
            warnings.add(QualityWarning.TOO_SMALL);
        }

        boolean keepAsIs = orientation == 1 && subsampling == 1 && container.stripped().length <= maxStoredBytes
                && (container.kind() == FileKind.PNG || container.components() == 1 || container.components() == 3);
        ProcessedImage result;
        if (keepAsIs) {
            boolean png = container.kind() == FileKind.PNG;
            result = new ProcessedImage(container.stripped(), png ? "image/png" : "image/jpeg", png ? "png" : "jpg",
                    container.width(), container.height(), original.length, uprightWidth, uprightHeight,
                    false, false, false, 0f, warnings, sha256(container.stripped()));
            if (isBlurry(decoded)) {
                warnings.add(QualityWarning.BLURRY);
            }
        } else {
            Encoded encoded = fit(decoded, orientation, maxStoredBytes);
            if (isBlurry(encoded.picture())) {
                warnings.add(QualityWarning.BLURRY);
            }
            result = new ProcessedImage(encoded.bytes(), "image/jpeg", "jpg", encoded.picture().getWidth(),
                    encoded.picture().getHeight(), original.length, uprightWidth, uprightHeight,
                    original.length > maxStoredBytes, orientation != 1, container.kind() == FileKind.PNG,
                    encoded.quality(), warnings, sha256(encoded.bytes()));
        }
        return result;
    }

    private record Encoded(BufferedImage picture, byte[] bytes, float quality) {
    }

    /**
     * The largest picture (up to {@code maxStoredLongSide}) at the best quality that fits: at each size a good
     * quality is tried first; only at the legible floor may the quality drop further. Nothing fits: refused.
     */
    private Encoded fit(BufferedImage decoded, int orientation, int maxBytes) {
        int longSide = Math.max(decoded.getWidth(), decoded.getHeight());
        int start = Math.min(longSide, limits.maxStoredLongSide());
        int floor = Math.min(longSide, limits.legibleLongSide());
        List<Integer> sizes = new ArrayList<>();
        for (double s = start; s > floor; s *= SIZE_STEP) {
            sizes.add((int) Math.round(s));
        }
        sizes.add(floor);
        for (int i = 0; i < sizes.size(); i++) {
            boolean last = i == sizes.size() - 1;
            BufferedImage picture = Orientation.upright(scale(decoded, sizes.get(i)), orientation);
            Encoded best = bestQuality(picture, maxBytes, last ? LOWEST_QUALITY : GOOD_QUALITY);
            if (best != null) {
                return best;
            }
        }
        throw ImageRefusal.tooComplex(maxBytes / 1024);
    }

    /** The highest quality in [low, BEST] that fits (three halvings), or null when even {@code low} does not. */
    private static Encoded bestQuality(BufferedImage picture, int maxBytes, float low) {
        byte[] top = Codecs.encodeJpeg(picture, BEST_QUALITY);
        if (top.length <= maxBytes) {
            return new Encoded(picture, top, BEST_QUALITY);
        }
        byte[] bottom = Codecs.encodeJpeg(picture, low);
        if (bottom.length > maxBytes) {
            return null;
        }
        Encoded fits = new Encoded(picture, bottom, low);
        float lo = low;
        float hi = BEST_QUALITY;
        for (int step = 0; step < 3; step++) {
            float mid = Math.round((lo + hi) / 2 * 100) / 100f;
            byte[] attempt = Codecs.encodeJpeg(picture, mid);
            if (attempt.length <= maxBytes) {
                fits = new Encoded(picture, attempt, mid);
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fits;
    }

    private static BufferedImage scale(BufferedImage image, int longSide) {
        if (Math.max(image.getWidth(), image.getHeight()) <= longSide) {
            return image;
        }
        try {
            return Thumbnails.of(image).size(longSide, longSide).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlurry(BufferedImage picture) {
        return BlurMeter.sharpness(scale(picture, BLUR_MEASURE_SIDE)) < BlurMeter.BLURRY_BELOW;
    }

    private void checkHeader(long width, long height) {
        if (width > limits.maxSourceSide() || height > limits.maxSourceSide() || width * height > limits.maxSourcePixels()) {
            throw ImageRefusal.dimensions(width, height);
        }
    }

    /** Every n-th pixel per axis, so that a decoded picture has at most about maxDecodedPixels. */
    private int subsampling(int width, int height) {
        long pixels = (long) width * height;
        int n = 1;
        while (pixels / ((long) n * n) > limits.maxDecodedPixels()) {
            n++;
        }
        return n;
    }

    private void acquire() {
        try {
            if (!decodes.tryAcquire(60, TimeUnit.SECONDS)) {
                throw ImageRefusal.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ImageRefusal.busy();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
