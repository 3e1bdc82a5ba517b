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
 * <li>decoded (larger pictures subsampled while decoding, so memory stays bounded); broken files refused; of a
 *     JPEG that is stored as it is, only the luminance is decoded (all the blur meter needs; see below);</li>
 * <li>a file that fits the limit, is upright and needs no colour conversion is stored as it was, only with
 *     its metadata removed; any other is turned upright and re-encoded as JPEG, at the largest size that fits
 *     the limit (predicted from a small copy, corrected when missed), never below a legible size;</li>
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
    /** The blur meter's scale and the probe's: about 1000 px. */
    private static final int PROBE_SIDE = 1000;
    /**
     * A first guess for how a JPEG's bytes grow with the pixel count of the same picture: less than in
     * proportion, since a larger copy has less detail per pixel (0.6–0.85 for photographed documents from
     * 1000 px to 1350–2400 px, 0.75 typical).
     */
    private static final double SIZE_EXPONENT = 0.75;
    /** Sizes are aimed at 96 % of the limit; a file within 8 % of it is full enough. */
    private static final double AIM = 0.96;
    private static final double FULL_ENOUGH = 0.92;

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
        // Stored byte for byte, minus its metadata: upright, decoded whole, within the limit, plain RGB or grey.
        boolean keepAsIs = orientation == 1 && subsampling == 1 && container.stripped().length <= maxStoredBytes
                && (container.kind() == FileKind.PNG || container.components() == 1 || container.components() == 3);

        acquire();
        try {
            if (keepAsIs && kind == FileKind.JPEG) {
                // Its pixels are only checked and measured, never stored: the luminance of the stored bytes is
                // enough for both, and about 40 % of the work of decoding them in colour.
                BufferedImage luma = Codecs.decodeLuma(container.stripped());
                if (luma != null) {
                    return kept(original, container, warnings(container, new Scaler(luma).at(PROBE_SIDE)));
                }
            }
            BufferedImage decoded = Codecs.decode(kind, original, subsampling);
            return finish(original, container, orientation, keepAsIs, decoded, maxStoredBytes);
        } finally {
            decodes.release();
        }
    }

    private ProcessedImage finish(byte[] original, Container container, int orientation, boolean keepAsIs,
                                  BufferedImage decoded, int maxStoredBytes) {
        Scaler scaler = new Scaler(decoded);
        // About 1000 px: the blur meter's scale, and the probe that predicts the size that fits.
        BufferedImage probe = scaler.at(PROBE_SIDE);
        Set<QualityWarning> warnings = warnings(container, probe);
        if (keepAsIs) {
            return kept(original, container, warnings);
        }
        boolean swap = Orientation.swapsSides(orientation);
        int uprightWidth = swap ? container.height() : container.width();
        int uprightHeight = swap ? container.width() : container.height();
        Encoded encoded = fit(scaler, probe, orientation, maxStoredBytes);
        return new ProcessedImage(encoded.bytes(), "image/jpeg", "jpg", encoded.picture().getWidth(),
                encoded.picture().getHeight(), original.length, uprightWidth, uprightHeight,
                original.length > maxStoredBytes, orientation != 1, container.kind() == FileKind.PNG,
                encoded.quality(), warnings, sha256(encoded.bytes()));
    }

    /** TOO_SMALL from the upright size; BLURRY from {@code probe}, the picture at about 1000 px (colour or grey). */
    private Set<QualityWarning> warnings(Container container, BufferedImage probe) {
        Set<QualityWarning> warnings = EnumSet.noneOf(QualityWarning.class);
        if (Math.min(container.width(), container.height()) < limits.smallShortSide()) { // the short side either way
            warnings.add(QualityWarning.TOO_SMALL);
        }
        if (BlurMeter.sharpness(probe) < BlurMeter.BLURRY_BELOW) {
            warnings.add(QualityWarning.BLURRY);
        }
        return warnings;
    }

    /** The file as it came, minus its metadata (kept only when upright: its size is the upright size). */
    private static ProcessedImage kept(byte[] original, Container container, Set<QualityWarning> warnings) {
        boolean png = container.kind() == FileKind.PNG;
        return new ProcessedImage(container.stripped(), png ? "image/png" : "image/jpeg", png ? "png" : "jpg",
                container.width(), container.height(), original.length, container.width(), container.height(),
                false, false, false, 0f, warnings, sha256(container.stripped()));
    }

    private record Encoded(BufferedImage picture, byte[] bytes, float quality) {
    }

    /** A JPEG size measured at the good quality: the long side of the picture and its bytes. */
    private record Measured(int side, int bytes) {

        /**
         * The long side at which the same picture would take {@code wanted} bytes, when its bytes grow with
         * the pixel count (side²) to the power {@code exponent}.
         */
        double sideFor(double wanted, double exponent) {
            return side * Math.pow(wanted / bytes, 1 / (2 * exponent));
        }

        /** The exponent seen between two sizes of the same picture, within bounds; the default when unclear. */
        double exponentTo(Measured other) {
            if (other.side == side || other.bytes == bytes) {
                return SIZE_EXPONENT;
            }
            double exponent = Math.log((double) other.bytes / bytes) / (2 * Math.log((double) other.side / side));
            return Math.max(0.4, Math.min(1.2, exponent));
        }
    }

    /**
     * The largest picture (up to {@code maxStoredLongSide}) at the best quality that fits. The probe's JPEG at
     * the good quality predicts the long side whose good-quality JPEG fills about 96 % of the limit (bytes per
     * pixel fall a little as a picture grows, see {@link #SIZE_EXPONENT}); usually that one encode fits within
     * 8 % and is kept. A miss is corrected with the growth measured between the last two sizes: down until it
     * fits, or once up when it is well under the limit (the smaller one kept if that overshoots). Never below
     * the legible floor; only there may the quality drop further. Nothing fits even then: refused.
     */
    private Encoded fit(Scaler scaler, BufferedImage probe, int orientation, int maxBytes) {
        int longSide = scaler.longSide();
        int floor = Math.min(longSide, limits.legibleLongSide());
        int cap = Math.min(longSide, limits.maxStoredLongSide());
        double aim = AIM * maxBytes;
        Measured last = null;
        int size = cap;
        if (floor < cap) { // else there is no size to choose
            last = new Measured(Scaler.longSide(probe), Codecs.encodeJpeg(probe, GOOD_QUALITY).length);
            size = clamp(last.sideFor(aim, SIZE_EXPONENT), floor, cap);
        }
        int tooLarge = cap + 1; // the smallest long side known not to fit
        Encoded fits = null;
        while (true) {
            BufferedImage picture = Orientation.upright(scaler.at(size), orientation);
            byte[] good = Codecs.encodeJpeg(picture, GOOD_QUALITY);
            Measured now = new Measured(size, good.length);
            double exponent = last == null ? SIZE_EXPONENT : last.exponentTo(now);
            last = now;
            if (good.length > maxBytes) {
                tooLarge = size;
                if (fits != null) { // the step up was too far: keep the smaller one that fits
                    return refine(fits, maxBytes, BEST_QUALITY, 0);
                }
                if (size <= floor) {
                    byte[] lowest = Codecs.encodeJpeg(picture, LOWEST_QUALITY);
                    if (lowest.length > maxBytes) {
                        throw ImageRefusal.tooComplex(maxBytes / 1024);
                    }
                    return refine(new Encoded(picture, lowest, LOWEST_QUALITY), maxBytes, GOOD_QUALITY, good.length);
                }
                size = Math.max(floor, Math.min(size - 1, (int) now.sideFor(aim, exponent)));
            } else {
                boolean steppedUp = fits != null; // one step up is enough: a closer fit is not worth more encodes
                fits = new Encoded(picture, good, GOOD_QUALITY);
                int larger = Math.min(tooLarge - 1, clamp(now.sideFor(aim, exponent), floor, cap));
                if (good.length >= FULL_ENOUGH * maxBytes || steppedUp || larger <= size) {
                    return refine(fits, maxBytes, BEST_QUALITY, 0);
                }
                size = larger;
            }
        }
    }

    private static int clamp(double side, int floor, int cap) {
        return (int) Math.max(floor, Math.min(cap, Math.round(side)));
    }

    /**
     * Raises the quality from {@code fits} towards {@code tooHigh}: at most two more encodes, none once the file
     * fills the limit within 8 %. {@code tooHighBytes} is 0 when {@code tooHigh} is untried: then it is tried
     * first. Otherwise the quality is interpolated between the two known sizes.
     */
    private static Encoded refine(Encoded fits, int maxBytes, float tooHigh, int tooHighBytes) {
        Encoded result = fits;
        float high = tooHigh;
        int highBytes = tooHighBytes;
        for (int step = 0; step < 2 && result.bytes().length < FULL_ENOUGH * maxBytes; step++) {
            float quality = highBytes == 0 ? high
                    : interpolate(result.quality(), result.bytes().length, high, highBytes, AIM * maxBytes);
            if (quality <= result.quality() || (highBytes > 0 && quality >= high)) {
                break;
            }
            byte[] attempt = Codecs.encodeJpeg(result.picture(), quality);
            if (attempt.length <= maxBytes) {
                result = new Encoded(result.picture(), attempt, quality);
                if (quality >= high) {
                    break;
                }
            } else {
                high = quality;
                highBytes = attempt.length;
            }
        }
        return result;
    }

    /**
     * The quality (rounded down to hundredths) expected to take {@code wanted} bytes, between two measured ones.
     * JPEG bytes follow the logarithm of the writer's quantisation scale (IJG: 2 − 2q from quality 0.5 up, 0.5 / q
     * below) about linearly, much closer than the quality itself; in between they come out a little smaller than
     * that line, so the guess errs on the side that fits.
     */
    private static float interpolate(float low, int lowBytes, float high, int highBytes, double wanted) {
        double share = (wanted - lowBytes) / (highBytes - lowBytes);
        double logLow = Math.log(tableScale(low));
        double scale = Math.exp(logLow + share * (Math.log(tableScale(high)) - logLow));
        double quality = scale > 1 ? 0.5 / scale : 1 - scale / 2;
        return (float) Math.floor(quality * 100) / 100f;
    }

    private static double tableScale(float quality) {
        return quality < 0.5f ? 0.5 / quality : 2 - 2 * quality;
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
