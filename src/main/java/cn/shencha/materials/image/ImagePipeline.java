package cn.shencha.materials.image;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
 * Scaling ({@link Scaler}) halves in steps and averages areas, so thin strokes of text survive a 3–6×
 * reduction, where one bilinear step would drop them.
 */
public class ImagePipeline {

    /** Quality steps for JPEG re-encoding: stay high while a larger picture still fits. */
    private static final float GOOD_QUALITY = 0.72f;
    private static final float BEST_QUALITY = 0.92f;
    private static final float LOWEST_QUALITY = 0.45f;
    private static final double SIZE_STEP = 0.9;
    /** The blur meter's scale: about 1000 px. */
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

        Scaler scaler = new Scaler(decoded);
        if (BlurMeter.sharpness(scaler.at(BLUR_MEASURE_SIDE)) < BlurMeter.BLURRY_BELOW) {
            warnings.add(QualityWarning.BLURRY);
        }

        boolean keepAsIs = orientation == 1 && subsampling == 1 && container.stripped().length <= maxStoredBytes
                && (container.kind() == FileKind.PNG || container.components() == 1 || container.components() == 3);
        ProcessedImage result;
        if (keepAsIs) {
            boolean png = container.kind() == FileKind.PNG;
            result = new ProcessedImage(container.stripped(), png ? "image/png" : "image/jpeg", png ? "png" : "jpg",
                    container.width(), container.height(), original.length, uprightWidth, uprightHeight,
                    false, false, false, 0f, warnings, sha256(container.stripped()));
        } else {
            Encoded encoded = fit(scaler, orientation, maxStoredBytes);
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
     * The largest picture (up to {@code maxStoredLongSide}) at the best quality that fits. Each size is tried
     * at a good quality; when that is too large, the next size is predicted from the bytes it took (a JPEG's
     * size grows about with its pixel count), at least 10 % smaller, never below the legible floor. Only at
     * the floor may the quality drop further. Nothing fits even then: refused.
     */
    private Encoded fit(Scaler scaler, int orientation, int maxBytes) {
        int longSide = scaler.longSide();
        int floor = Math.min(longSide, limits.legibleLongSide());
        int size = Math.min(longSide, limits.maxStoredLongSide());
        while (true) {
            BufferedImage picture = Orientation.upright(scaler.at(size), orientation);
            byte[] good = Codecs.encodeJpeg(picture, GOOD_QUALITY);
            if (good.length <= maxBytes) {
                return refine(picture, maxBytes, new Encoded(picture, good, GOOD_QUALITY), BEST_QUALITY);
            }
            if (size <= floor) {
                byte[] lowest = Codecs.encodeJpeg(picture, LOWEST_QUALITY);
                if (lowest.length > maxBytes) {
                    throw ImageRefusal.tooComplex(maxBytes / 1024);
                }
                return refine(picture, maxBytes, new Encoded(picture, lowest, LOWEST_QUALITY), GOOD_QUALITY);
            }
            double predicted = size * Math.sqrt((double) maxBytes / good.length) * 0.97;
            size = Math.max(floor, (int) Math.round(Math.min(size * SIZE_STEP, predicted)));
        }
    }

    /** Raises the quality from {@code fits} towards {@code tooHigh} in halvings, keeping the best that fits. */
    private static Encoded refine(BufferedImage picture, int maxBytes, Encoded fits, float tooHigh) {
        if (tooHigh == BEST_QUALITY) {
            byte[] best = Codecs.encodeJpeg(picture, BEST_QUALITY);
            if (best.length <= maxBytes) {
                return new Encoded(picture, best, BEST_QUALITY);
            }
        }
        float lo = fits.quality();
        float hi = tooHigh;
        Encoded result = fits;
        for (int step = 0; step < 3; step++) {
            float mid = Math.round((lo + hi) / 2 * 100) / 100f;
            byte[] attempt = Codecs.encodeJpeg(picture, mid);
            if (attempt.length <= maxBytes) {
                result = new Encoded(picture, attempt, mid);
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return result;
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
