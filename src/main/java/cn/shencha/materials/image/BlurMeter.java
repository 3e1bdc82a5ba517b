package cn.shencha.materials.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * "Probably blurred": the variance of the Laplacian of the luminance, per tile of an 8×8 grid, on the picture
 * scaled to about 1000 px. A document has sharp text in some tiles and blank paper in others, so the 80th
 * percentile of the tiles decides: in a sharp photo the text tiles score high, in a blurred one none does.
 */
final class BlurMeter {

    static final double BLURRY_BELOW = 60.0;
    private static final int GRID = 8;

    private BlurMeter() {
    }

    static double sharpness(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (w < 3 * GRID || h < 3 * GRID) {
            return Double.MAX_VALUE;
        }
        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        float[] luma = new float[w * h];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            luma[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        double[] sum = new double[GRID * GRID];
        double[] sumSq = new double[GRID * GRID];
        long[] count = new long[GRID * GRID];
        for (int y = 1; y < h - 1; y++) {
            int ty = Math.min(GRID - 1, y * GRID / h);
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                int t = ty * GRID + Math.min(GRID - 1, x * GRID / w);
                sum[t] += lap;
                sumSq[t] += lap * lap;
                count[t]++;
            }
        }
        double[] variance = new double[GRID * GRID];
        for (int t = 0; t < variance.length; t++) {
            double mean = sum[t] / count[t];
            variance[t] = sumSq[t] / count[t] - mean * mean;
        }
        Arrays.sort(variance);
        return variance[(int) (variance.length * 0.8)];
    }
}
