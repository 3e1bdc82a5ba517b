package cn.shencha.materials.image;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shencha.materials.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The pipeline's scaling, on pictures made here. */
class ScalerTests {

    @Test
    void halvesTheJpegReadersThreeByteImageAsItsIntRgbCopy() {
        BufferedImage rgb = TestImages.document(301, 201, 1);
        BufferedImage bgr = new BufferedImage(301, 201, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(rgb, 0, 0, null);

        assertThat(pixels(Scaler.halve(bgr))).isEqualTo(pixels(Scaler.halve(Codecs.toRgb(bgr))));
        assertThat(Scaler.halve(bgr).getWidth()).isEqualTo(150);
        // a part of a larger image: its bytes start elsewhere in the shared array
        BufferedImage part = bgr.getSubimage(31, 17, 200, 150);
        assertThat(part.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(pixels(Scaler.halve(part))).isEqualTo(pixels(Scaler.halve(Codecs.toRgb(part))));
    }

    @Test
    void averagesAreasKeepingFlatColoursAndTheMean() {
        BufferedImage flat = new BufferedImage(1003, 701, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(200, 100, 50));
        g.fillRect(0, 0, 1003, 701);
        g.dispose();
        BufferedImage scaled = Scaler.areaAverage(flat, 617, 431);
        for (int y = 0; y < 431; y += 43) {
            for (int x = 0; x < 617; x += 61) {
                assertThat(scaled.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xC86432);
            }
        }

        BufferedImage stripes = new BufferedImage(900, 10, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 900; x += 3) {
            for (int y = 0; y < 10; y++) {
                stripes.setRGB(x, y, 0xFFFFFF); // one white column in three: mean 85
            }
        }
        BufferedImage grey = Scaler.areaAverage(stripes, 300, 10);
        assertThat(grey.getRGB(150, 5) & 0xFF).isEqualTo(85);
    }

    @Test
    void makesEverySizeWithTheAspectRatioKept() {
        BufferedImage bgr = new BufferedImage(4032, 3024, BufferedImage.TYPE_3BYTE_BGR);
        Scaler scaler = new Scaler(bgr);
        assertThat(scaler.longSide()).isEqualTo(4032);
        assertThat(size(scaler.at(1000))).isEqualTo("1000×750");
        assertThat(size(scaler.at(1371))).isEqualTo("1371×1028");
        assertThat(size(scaler.at(2016))).isEqualTo("2016×1512");
        assertThat(size(scaler.at(2560))).isEqualTo("2560×1920");
        assertThat(scaler.at(5000).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(size(scaler.at(5000))).isEqualTo("4032×3024");
    }

    @Test
    void keepsAGreyPictureGreyWithExactlyTheValuesOfItsColourCopy() {
        // The blur meter's grey path must see what the colour path sees: integer sums, the same rounding.
        for (int[] size : new int[][]{{1203, 901}, {2611, 1957}, {999, 1413}}) {
            BufferedImage grey = grey(TestImages.document(size[0], size[1], 3));
            BufferedImage rgb = rgbCopy(grey);

            assertThat(Scaler.halve(grey).getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(values(Scaler.halve(grey))).isEqualTo(blues(Scaler.halve(rgb)));
            assertThat(values(Scaler.areaAverage(grey, 617, 431))).isEqualTo(blues(Scaler.areaAverage(rgb, 617, 431)));
            BufferedImage probe = new Scaler(grey).at(1000); // straight from the picture, or after halvings
            assertThat(probe.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(Scaler.longSide(probe)).isEqualTo(1000);
            assertThat(values(probe)).isEqualTo(blues(new Scaler(rgb).at(1000)));
        }
        // a part of a larger grey image: its bytes start elsewhere in the shared array
        BufferedImage part = grey(TestImages.document(640, 480, 4)).getSubimage(33, 21, 500, 400);
        assertThat(values(Scaler.halve(part))).isEqualTo(blues(Scaler.halve(rgbCopy(part))));
        assertThat(values(Scaler.areaAverage(part, 333, 267))).isEqualTo(blues(Scaler.areaAverage(rgbCopy(part), 333, 267)));
    }

    @Test
    void averagesDownToTinySizes() {
        // The taps of the last target pixels are moved back inside the source: nothing read beyond it.
        for (int[] size : new int[][]{{3, 3, 1, 1}, {2, 1, 1, 1}, {1, 1, 1, 1}, {7, 5, 2, 3}, {5, 4, 4, 3}}) {
            BufferedImage flat = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = flat.createGraphics();
            g.setColor(new java.awt.Color(200, 100, 50));
            g.fillRect(0, 0, size[0], size[1]);
            g.dispose();
            BufferedImage scaled = Scaler.areaAverage(flat, size[2], size[3]);
            assertThat(scaled.getRGB(size[2] - 1, size[3] - 1) & 0xFFFFFF).isEqualTo(0xC86432);
            assertThat(values(Scaler.areaAverage(grey(flat), size[2], size[3])))
                    .containsOnly(Scaler.areaAverage(grey(flat), 1, 1).getRaster().getSample(0, 0, 0));
        }
    }

    /** The luminance of a picture as a grey image (0.299 R + 0.587 G + 0.114 B, rounded). */
    private static BufferedImage grey(BufferedImage rgb) {
        BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int p = rgb.getRGB(x, y);
                grey.getRaster().setSample(x, y, 0,
                        (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF) + 500) / 1000);
            }
        }
        return grey;
    }

    /** The same values in a TYPE_INT_RGB image, red = green = blue (Java2D would convert linear grey to sRGB). */
    private static BufferedImage rgbCopy(BufferedImage grey) {
        BufferedImage rgb = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int v = grey.getRaster().getSample(x, y, 0);
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return rgb;
    }

    private static int[] values(BufferedImage grey) {
        return grey.getRaster().getSamples(0, 0, grey.getWidth(), grey.getHeight(), 0, (int[]) null);
    }

    private static int[] blues(BufferedImage rgb) {
        return java.util.Arrays.stream(pixels(rgb)).map(p -> p & 0xFF).toArray();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static String size(BufferedImage image) {
        return image.getWidth() + "×" + image.getHeight();
    }
}
