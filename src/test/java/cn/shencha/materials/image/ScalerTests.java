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

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static String size(BufferedImage image) {
        return image.getWidth() + "×" + image.getHeight();
    }
}
