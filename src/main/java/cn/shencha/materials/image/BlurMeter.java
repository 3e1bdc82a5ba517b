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
 * Integer arithmetic in thousandths, the same figure as in floating point; three rows at a time, straight from
 * the pixel arrays, so the luminance of the whole picture is never held.
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
        Rows rows = Rows.of(image);
        int[] columns = edges(w); // tile column tx holds x from columns[tx] to columns[tx + 1] - 1
        long[] sum = new long[GRID * GRID];
        long[] sumSq = new long[GRID * GRID]; // a Laplacian is at most 8 × 255 000: its square needs a long
        long[] count = new long[GRID * GRID];
        int[] above = rows.luma(0, new int[w]);
        int[] row = rows.luma(1, new int[w]);
        int[] below = new int[w];
        for (int y = 1; y < h - 1; y++) {
            rows.luma(y + 1, below);
            int tile = Math.min(GRID - 1, y * GRID / h) * GRID;
            for (int tx = 0; tx < GRID; tx++, tile++) {
                int from = Math.max(1, columns[tx]);
                int to = Math.min(w - 1, columns[tx + 1]);
                long s = 0;
                long sq = 0;
                for (int x = from; x < to; x++) {
                    long lap = row[x - 1] + row[x + 1] + above[x] + below[x] - 4 * row[x];
                    s += lap;
                    sq += lap * lap;
                }
                sum[tile] += s;
                sumSq[tile] += sq;
                count[tile] += to - from;
            }
            int[] done = above; // the three rows move down by one
            above = row;
            row = below;
            below = done;
        }
        double[] variance = new double[GRID * GRID];
        for (int t = 0; t < variance.length; t++) {
            double mean = (double) sum[t] / count[t];
            variance[t] = ((double) sumSq[t] / count[t] - mean * mean) / 1e6; // thousandths squared
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

    /** One row of a picture's luminance at a time, in thousandths (0–255 000). */
    private abstract static class Rows {

        /** Fills {@code into} with row {@code y}; returns it. */
        abstract int[] luma(int y, int[] into);

        static Rows of(BufferedImage image) {
            if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && Scaler.Bytes.readable(image)) {
                Scaler.Bytes bytes = Scaler.Bytes.of(image);
                return new Rows() {
                    @Override
                    int[] luma(int y, int[] into) {
                        byte[] data = bytes.data();
                        for (int x = 0, at = bytes.start() + y * bytes.scanline() + bytes.red(); x < into.length;
                             x++, at += bytes.step()) {
                            into[x] = 1000 * (data[at] & 0xFF);
                        }
                        return into;
                    }
                };
            }
            int w = image.getWidth();
            int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB && ownPixels(image)
                    ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
            int[] rgb = pixels == null ? new int[w] : null;
            return new Rows() {
                @Override
                int[] luma(int y, int[] into) {
                    int[] source = pixels != null ? pixels : image.getRGB(0, y, w, 1, rgb, 0, w); // any other kind: slower
                    for (int x = 0, i = pixels != null ? y * w : 0; x < w; x++, i++) {
                        int p = source[i];
                        into[x] = 299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF);
                    }
                    return into;
                }
            };
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
}
