package cn.shencha.materials.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scaling down for the pipeline: a cascade of halvings (each pixel the mean of a 2×2 block), then one step by
 * area averaging (each source pixel counts by the share of the target pixel it covers). Both weigh every source
 * pixel, so a stroke one pixel wide fades by the reduction but never drops out, as it can between the sample
 * points of a bilinear step. Each halving is kept: every further size is made from the nearest larger one
 * (a quarter of the pixels per halving) instead of from the full decoded picture again.
 * Makes TYPE_INT_RGB images. Reads those (with their own data buffer, as {@link Codecs#toRgb} makes them) and,
 * for the first halving, the TYPE_3BYTE_BGR that the JPEG reader decodes to: a photo's 12 MP are then never
 * copied to TYPE_INT_RGB (48 MB) when only smaller sizes are stored.
 * A TYPE_BYTE_GRAY picture (a JPEG's luminance, {@link Codecs#decodeLuma}) stays grey at every size: one byte
 * per pixel, a third of the work, where only the blur meter looks.
 */
final class Scaler {

    /** The decoded picture and its halvings so far, largest first. */
    private final List<BufferedImage> levels = new ArrayList<>();

    /**
     * @param decoded TYPE_INT_RGB; TYPE_3BYTE_BGR (converted only when needed at its full size); TYPE_BYTE_GRAY
     *                (all sizes grey)
     */
    Scaler(BufferedImage decoded) {
        levels.add(decoded.getType() == BufferedImage.TYPE_INT_RGB || Bytes.readable(decoded) ? decoded
                : Codecs.toRgb(decoded));
    }

    /** The decoded picture as TYPE_INT_RGB, or as it is when grey. */
    private BufferedImage full() {
        if (levels.get(0).getType() == BufferedImage.TYPE_3BYTE_BGR) {
            levels.set(0, Codecs.toRgb(levels.get(0)));
        }
        return levels.get(0);
    }

    int longSide() {
        return longSide(levels.get(0));
    }

    /** The picture with this long side (the aspect ratio kept); the picture itself when it is not larger. */
    BufferedImage at(int longSide) {
        BufferedImage full = levels.get(0);
        int fullSide = longSide(full);
        if (longSide >= fullSide) {
            return full();
        }
        BufferedImage from = full;
        for (int i = 1; longSide(from) / 2 >= longSide; i++) {
            if (i == levels.size()) {
                levels.add(halve(from));
            }
            from = levels.get(i);
        }
        if (from == full) {
            from = full();
        }
        int width = Math.max(1, (int) Math.round((double) full.getWidth() * longSide / fullSide));
        int height = Math.max(1, (int) Math.round((double) full.getHeight() * longSide / fullSide));
        return from.getWidth() == width && from.getHeight() == height ? from : areaAverage(from, width, height);
    }

    static int longSide(BufferedImage image) {
        return Math.max(image.getWidth(), image.getHeight());
    }

    /** Half the width and height (an odd last row or column left out): each pixel the mean of a 2×2 block. */
    static BufferedImage halve(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return halveGrey(Bytes.of(src), src.getWidth() / 2, src.getHeight() / 2);
        }
        if (src.getType() != BufferedImage.TYPE_INT_RGB) {
            return halve(Bytes.of(src), src.getWidth() / 2, src.getHeight() / 2);
        }
        int sw = src.getWidth();
        int w = sw / 2;
        int h = src.getHeight() / 2;
        int[] in = pixels(src);
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = pixels(dst);
        for (int y = 0; y < h; y++) {
            int top = 2 * y * sw;
            int bottom = top + sw;
            for (int x = 0; x < w; x++) {
                int a = in[top + 2 * x];
                int b = in[top + 2 * x + 1];
                int c = in[bottom + 2 * x];
                int d = in[bottom + 2 * x + 1];
                // red and blue summed together in one int (each sum needs 10 bits, 16 apart), green apart; +2 rounds
                int redBlue = (a & 0xFF00FF) + (b & 0xFF00FF) + (c & 0xFF00FF) + (d & 0xFF00FF) + 0x020002;
                int green = (a & 0xFF00) + (b & 0xFF00) + (c & 0xFF00) + (d & 0xFF00) + 0x0200;
                out[y * w + x] = ((redBlue >> 2) & 0xFF00FF) | ((green >> 2) & 0xFF00);
            }
        }
        return dst;
    }

    private static BufferedImage halve(Bytes in, int w, int h) {
        byte[] data = in.data();
        int step = in.step();
        int red = in.red();
        int green = in.green();
        int blue = in.blue();
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = pixels(dst);
        for (int y = 0; y < h; y++) {
            int a = in.start() + 2 * y * in.scanline(); // top left of the block
            int c = a + in.scanline(); // bottom left
            for (int x = 0, o = y * w; x < w; x++, o++, a += 2 * step, c += 2 * step) {
                int r = (data[a + red] & 0xFF) + (data[a + step + red] & 0xFF)
                        + (data[c + red] & 0xFF) + (data[c + step + red] & 0xFF);
                int g = (data[a + green] & 0xFF) + (data[a + step + green] & 0xFF)
                        + (data[c + green] & 0xFF) + (data[c + step + green] & 0xFF);
                int b = (data[a + blue] & 0xFF) + (data[a + step + blue] & 0xFF)
                        + (data[c + blue] & 0xFF) + (data[c + step + blue] & 0xFF);
                out[o] = ((r + 2) >> 2) << 16 | ((g + 2) >> 2) << 8 | ((b + 2) >> 2);
            }
        }
        return dst;
    }

    private static BufferedImage halveGrey(Bytes in, int w, int h) {
        byte[] data = in.data();
        int step = in.step();
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = bytes(dst);
        for (int y = 0; y < h; y++) {
            int a = in.start() + 2 * y * in.scanline() + in.red(); // top left of the block
            int c = a + in.scanline(); // bottom left
            for (int x = 0, o = y * w; x < w; x++, o++, a += 2 * step, c += 2 * step) {
                int sum = (data[a] & 0xFF) + (data[a + step] & 0xFF) + (data[c] & 0xFF) + (data[c + step] & 0xFF);
                out[o] = (byte) ((sum + 2) >> 2);
            }
        }
        return dst;
    }

    /**
     * Where the pixels of a TYPE_3BYTE_BGR or TYPE_BYTE_GRAY image lie in its byte array: pixel (x, y) at
     * {@code start + y * scanline + x * step}, its red, green and blue (for grey: its one value, thrice) at
     * those offsets from there.
     */
    record Bytes(byte[] data, int start, int scanline, int step, int red, int green, int blue) {

        static boolean readable(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            return (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_BYTE_GRAY)
                    && raster.getSampleModel() instanceof ComponentSampleModel
                    && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1;
        }

        static Bytes of(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
            int[] bands = model.getBandOffsets();
            int start = raster.getDataBuffer().getOffset() - raster.getSampleModelTranslateY() * model.getScanlineStride()
                    - raster.getSampleModelTranslateX() * model.getPixelStride();
            boolean grey = bands.length == 1;
            return new Bytes(((DataBufferByte) raster.getDataBuffer()).getData(), start, model.getScanlineStride(),
                    model.getPixelStride(), bands[0], grey ? bands[0] : bands[1], grey ? bands[0] : bands[2]);
        }
    }

    /** Scaled down to width × height by area averaging, separably: rows first, then columns. */
    static BufferedImage areaAverage(BufferedImage src, int width, int height) {
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return areaAverageGrey(Bytes.of(src), src.getWidth(), src.getHeight(), width, height);
        }
        int sw = src.getWidth();
        Taps across = new Taps(sw, width);
        Taps down = new Taps(src.getHeight(), height);
        int[] in = pixels(src);
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = pixels(dst);
        int[] row = new int[3 * width]; // one source row averaged across, r g b per target pixel, ×256
        int[] sum = new int[3 * width]; // the target row, ×256×256
        int rowInBuffer = -1;
        for (int y = 0; y < height; y++) {
            Arrays.fill(sum, 0);
            for (int k = 0; k < down.count; k++) {
                int weight = down.weights[y * down.count + k];
                if (weight == 0) {
                    continue;
                }
                int sy = down.first[y] + k;
                if (sy != rowInBuffer) { // a row on the border of two target rows is averaged once
                    averageRow(in, sy * sw, across, row);
                    rowInBuffer = sy;
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += weight * row[i];
                }
            }
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                int r = (sum[i] + 0x8000) >> 16;
                int g = (sum[i + 1] + 0x8000) >> 16;
                int b = (sum[i + 2] + 0x8000) >> 16;
                out[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return dst;
    }

    private static void averageRow(int[] in, int start, Taps across, int[] row) {
        for (int x = 0, i = 0; x < across.first.length; x++, i += 3) {
            int r = 0;
            int g = 0;
            int b = 0;
            int from = start + across.first[x];
            for (int k = 0; k < across.count; k++) {
                int weight = across.weights[x * across.count + k];
                if (weight != 0) {
                    int p = in[from + k];
                    r += weight * ((p >> 16) & 0xFF);
                    g += weight * ((p >> 8) & 0xFF);
                    b += weight * (p & 0xFF);
                }
            }
            row[i] = r;
            row[i + 1] = g;
            row[i + 2] = b;
        }
    }

    /**
     * The same for one byte per pixel: a grey picture stays grey. Down first, then across, each step a plain
     * loop along a row (the taps of all target pixels, one tap at a time), which the JIT compiles better than
     * a loop over the few taps of each pixel.
     */
    private static BufferedImage areaAverageGrey(Bytes in, int sw, int sh, int width, int height) {
        Taps across = new Taps(sw, width);
        Taps down = new Taps(sh, height);
        int[][] acrossByTap = across.byTap();
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = bytes(dst);
        byte[] data = in.data();
        int step = in.step();
        int[] column = new int[sw]; // the source rows of one target row averaged down, ×256
        int[] sum = new int[width]; // the target row, ×256×256
        for (int y = 0; y < height; y++) {
            Arrays.fill(column, 0);
            for (int k = 0; k < down.count; k++) {
                int weight = down.weights[y * down.count + k];
                if (weight != 0) {
                    int at = in.start() + (down.first[y] + k) * in.scanline() + in.red();
                    for (int x = 0; x < sw; x++, at += step) {
                        column[x] += weight * (data[at] & 0xFF);
                    }
                }
            }
            Arrays.fill(sum, 0);
            for (int k = 0; k < across.count; k++) {
                int[] weights = acrossByTap[k];
                for (int x = 0; x < width; x++) {
                    sum[x] += weights[x] * column[across.first[x] + k];
                }
            }
            for (int x = 0, o = y * width; x < width; x++, o++) {
                out[o] = (byte) ((sum[x] + 0x8000) >> 16);
            }
        }
        return dst;
    }

    /**
     * For each target pixel along one axis: a first source pixel and the weights of the {@code count} source
     * pixels from there (the share of each covered, in 256ths, summing to 256; 0 for those not covered). The
     * first is moved back where needed so that all {@code count} lie inside the source.
     */
    private static final class Taps {
        final int[] first;
        final int[] weights;
        final int count;

        Taps(int source, int target) {
            double ratio = (double) source / target;
            count = Math.min(source, (int) Math.ceil(ratio) + 1);
            first = new int[target];
            weights = new int[target * count];
            for (int t = 0; t < target; t++) {
                double start = t * ratio;
                double end = Math.min(source, (t + 1) * ratio);
                int covers = (int) start; // the first source pixel covered
                first[t] = Math.min(covers, source - count);
                int total = 0;
                int last = 0;
                for (int k = covers - first[t]; k < count; k++) {
                    int s = first[t] + k;
                    double covered = Math.min(s + 1, end) - Math.max(s, start);
                    if (covered > 0) {
                        int weight = (int) Math.round(covered / ratio * 256);
                        weights[t * count + k] = weight;
                        total += weight;
                        last = k;
                    }
                }
                weights[t * count + last] += 256 - total; // rounding: the weights sum to exactly 256
            }
        }

        /** The weights tap by tap: [k][t] is the weight of source pixel first[t] + k. */
        int[][] byTap() {
            int[][] byTap = new int[count][first.length];
            for (int t = 0; t < first.length; t++) {
                for (int k = 0; k < count; k++) {
                    byTap[k][t] = weights[t * count + k];
                }
            }
            return byTap;
        }
    }

    /** The bytes of a TYPE_BYTE_GRAY image made here (row by row, from the start of its array). */
    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static int[] pixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("TYPE_INT_RGB expected, not " + image.getType());
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
