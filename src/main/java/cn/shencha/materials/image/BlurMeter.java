package cn.shencha.materials.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * "Probably blurred": the variance of the Laplacian of the luminance, per tile of an 8×8 grid, on the picture
 * scaled to about 1000 px. A document has sharp text in some tiles and blank paper in others, so the 80th
 * percentile of the tiles decides: in a sharp photo the text tiles score high, in a blurred one none does.
 * <p>
 * Reads a TYPE_INT_RGB picture (luminance 0.299 R + 0.587 G + 0.114 B) or the luminance itself, a TYPE_BYTE_GRAY
 * picture as {@link Codecs#decodeLuma} and {@link Scaler} make it (a JPEG's Y is that same weighted sum).
 * Integer arithmetic in thousandths, straight from the pixel arrays: the same figure as in floating point.
 */
final class BlurMeter {

    static final double BLURRY_BELOW = 60.0;
    private static final int GRID = 8;

    private BlurMeter() {
    }

    static double sharpness(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 3 * GRID || h < 3 * GRID) {
            return Double.MAX_VALUE;
        }
        return sharpness(lumaThousandths(image), w, h);
    }

    /** The 80th percentile of the tiles' variances of the Laplacian; {@code luma} row by row, in thousandths. */
    private static double sharpness(int[] luma, int w, int h) {
        // The columns of each tile column: tile tx holds x from columns[tx] to columns[tx + 1] - 1.
        int[] columns = edges(w);
        int[] rows = edges(h);
        double[] variance = new double[GRID * GRID];
        for (int ty = 0; ty < GRID; ty++) {
            for (int tx = 0; tx < GRID; tx++) {
                long sum = 0;
                long sumSq = 0; // a Laplacian is at most 8 × 255 000: its square needs a long
                int fromX = Math.max(1, columns[tx]);
                int toX = Math.min(w - 1, columns[tx + 1]);
                int fromY = Math.max(1, rows[ty]);
                int toY = Math.min(h - 1, rows[ty + 1]);
                for (int y = fromY; y < toY; y++) {
                    for (int i = y * w + fromX, end = y * w + toX; i < end; i++) {
                        long lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                        sum += lap;
                        sumSq += lap * lap;
                    }
                }
                long count = (long) (toX - fromX) * (toY - fromY);
                double mean = (double) sum / count;
                variance[ty * GRID + tx] = ((double) sumSq / count - mean * mean) / 1e6; // thousandths squared
            }
        }
        Arrays.sort(variance);
        return variance[(int) (variance.length * 0.8)];
    }

    /** Where each of the GRID tiles along a side of {@code n} pixels starts (pixel p in tile p × GRID / n); then n. */
    private static int[] edges(int n) {
        int[] edges = new int[GRID + 1];
        for (int t = 0; t <= GRID; t++) {
            edges[t] = (int) (((long) t * n + GRID - 1) / GRID); // the first p with p × GRID / n ≥ t
        }
        return edges;
    }

    /** The luminance of each pixel in thousandths (0–255 000), row by row. */
    private static int[] lumaThousandths(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] luma = new int[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && Scaler.Bytes.readable(image)) {
            Scaler.Bytes bytes = Scaler.Bytes.of(image);
            byte[] data = bytes.data();
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0, at = bytes.start() + y * bytes.scanline() + bytes.red(); x < w; x++, at += bytes.step()) {
                    luma[i++] = 1000 * (data[at] & 0xFF);
                }
            }
            return luma;
        }
        int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB && ownPixels(image)
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w); // any other kind: slower, the same figure
        for (int i = 0; i < luma.length; i++) {
            int p = pixels[i];
            luma[i] = 299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF);
        }
        return luma;
    }

    /** Whether the image's int array holds exactly its pixels, row by row (not a part of a larger one). */
    private static boolean ownPixels(BufferedImage image) {
        return image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth() && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getSize() == image.getWidth() * image.getHeight();
    }
}
