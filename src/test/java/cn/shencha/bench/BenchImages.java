package cn.shencha.bench;

import cn.shencha.materials.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Pictures the clients upload: document photos, all different (a candidate may not upload one twice). */
final class BenchImages {

    private BenchImages() {
    }

    /** {@code count} different JPEGs of about 150 KB, 1200×900, that need no shrinking (limit 200 KB). */
    static List<byte[]> smallJpegs(int count) {
        float quality = qualityFor(TestImages.document(1200, 900, 3, 2), 150 * 1024);
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> TestImages.jpeg(marked(TestImages.document(1200, 900, 1000 + i, 2), i), quality))
                .toList();
    }

    /** {@code count} different phone photos, 4032×3024, about 3 MB each. */
    static List<byte[]> phonePhotos(int count) {
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> TestImages.jpeg(marked(TestImages.document(4032, 3024, 5000 + i, 3), i), 0.9f))
                .toList();
    }

    private static float qualityFor(BufferedImage picture, int targetBytes) {
        for (float q = 0.95f; q > 0.3f; q -= 0.02f) {
            if (TestImages.jpeg(picture, q).length <= targetBytes) {
                return q;
            }
        }
        return 0.3f;
    }

    private static BufferedImage marked(BufferedImage picture, int number) {
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, picture.getWidth() / 30));
            g.drawString("No. " + number, picture.getWidth() / 20, picture.getHeight() - picture.getHeight() / 20);
        } finally {
            g.dispose();
        }
        return picture;
    }

    static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
