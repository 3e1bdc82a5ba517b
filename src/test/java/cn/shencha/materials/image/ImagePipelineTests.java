package cn.shencha.materials.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.TestImages;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The upload pipeline on real image files made here; no Spring. */
class ImagePipelineTests {

    static final int LIMIT = 200 * 1024;
    static final int MAX_UPLOAD = 20 * 1024 * 1024;

    final ImagePipeline pipeline = new ImagePipeline(new ImagePipeline.Limits(MAX_UPLOAD, 200_000_000L, 20_000,
            16_000_000L, 2560, 1280, 600, 2));

    // ---- formats by content ----

    static Stream<Arguments> refusedFiles() {
        BufferedImage picture = TestImages.quadrants(64, 48);
        return Stream.of(
                Arguments.of("GIF", TestImages.write(picture, "gif")),
                Arguments.of("BMP", TestImages.write(picture, "bmp")),
                Arguments.of("TIFF", TestImages.write(picture, "tiff")),
                Arguments.of("WEBP", concat(ascii("RIFF"), new byte[]{0x24, 0, 0, 0}, ascii("WEBPVP8 "), new byte[32])),
                Arguments.of("HEIC", concat(new byte[]{0, 0, 0, 0x18}, ascii("ftypheic"), new byte[]{0, 0, 0, 0}, ascii("mif1heic"), new byte[64])),
                Arguments.of("AVIF", concat(new byte[]{0, 0, 0, 0x1C}, ascii("ftypavif"), new byte[64])),
                Arguments.of("PDF", ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")),
                Arguments.of("SVG", ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")),
                Arguments.of("HTML", ascii("\uFEFF<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>")),
                Arguments.of("EXECUTABLE", concat(ascii("MZ"), new byte[]{(byte) 0x90, 0, 3, 0}, new byte[120])),
                Arguments.of("EXECUTABLE", concat(new byte[]{0x7F}, ascii("ELF"), new byte[]{2, 1, 1, 0}, new byte[120])),
                Arguments.of("EXECUTABLE", ascii("#!/bin/sh\nrm -rf /\n")),
                Arguments.of("ARCHIVE", concat(new byte[]{'P', 'K', 3, 4}, new byte[60])),
                Arguments.of("TEXT", ascii("just some text renamed to photo.jpg\n")),
                Arguments.of("UNKNOWN", new byte[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void refusesEveryFormatButJpegAndPngByContent(String kind, byte[] file) {
        assertThatThrownBy(() -> pipeline.process(file, LIMIT))
                .isInstanceOfSatisfying(ShenchaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("UNSUPPORTED_FORMAT");
                    assertThat(e.getStatus().value()).isEqualTo(415);
                    assertThat(e.getArgs()[0]).hasToString(
                            new org.springframework.context.support.DefaultMessageSourceResolvable("materials.kind." + kind).toString());
                });
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], "FILE_EMPTY");
    }

    @Test
    void refusesCorruptFiles() {
        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);
        assertRefused(concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0}, garbage), "IMAGE_CORRUPT");

        byte[] png = TestImages.png(TestImages.document(300, 200, 3));
        byte[] brokenPixels = png.clone();
        int idat = indexOf(brokenPixels, ascii("IDAT"));
        for (int i = idat + 4; i < idat + 200; i++) {
            brokenPixels[i] = (byte) (i * 31);
        }
        assertRefused(brokenPixels, "IMAGE_CORRUPT");

        byte[] jpeg = TestImages.jpeg(TestImages.document(300, 200, 3), 0.8f);
        byte[] noFrame = concat(Arrays.copyOf(jpeg, 2), new byte[]{(byte) 0xFF, (byte) 0xD9});
        assertRefused(noFrame, "IMAGE_CORRUPT");
    }

    @Test
    void refusesTruncatedFiles() {
        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 4), 0.8f);
        assertRefused(Arrays.copyOf(jpeg, jpeg.length * 6 / 10), "IMAGE_TRUNCATED");
        assertRefused(Arrays.copyOf(jpeg, jpeg.length - 2), "IMAGE_TRUNCATED");
        byte[] png = TestImages.png(TestImages.document(800, 600, 4));
        assertRefused(Arrays.copyOf(png, png.length * 6 / 10), "IMAGE_TRUNCATED");
        assertRefused(Arrays.copyOf(png, 20), "IMAGE_TRUNCATED");
    }

    // ---- sizes ----

    @Test
    void acceptsExactlyTwentyMegabytesAndRefusesOneByteMore() {
        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 5), 0.7f);
        // A phone's trailer after the end of the picture (like a motion photo's video) pads it to the limit.
        byte[] exactly = Arrays.copyOf(jpeg, MAX_UPLOAD);
        ProcessedImage stored = pipeline.process(exactly, LIMIT);
        assertThat(stored.bytes()).isEqualTo(jpeg);
        assertThat(stored.originalBytes()).isEqualTo(MAX_UPLOAD);

        assertRefused(Arrays.copyOf(jpeg, MAX_UPLOAD + 1), "FILE_TOO_LARGE");
    }

    @Test
    void keepsAFileOfExactlyTheLimitAndShrinksOneByteMore() {
        byte[] jpeg = TestImages.jpeg(TestImages.document(1400, 1000, 6), 0.85f);

        ProcessedImage atLimit = pipeline.process(jpeg, jpeg.length);
        assertThat(atLimit.bytes()).isEqualTo(jpeg);
        assertThat(atLimit.shrunk()).isFalse();

        ProcessedImage over = pipeline.process(jpeg, jpeg.length - 1);
        assertThat(over.shrunk()).isTrue();
        assertThat(over.bytes().length).isLessThanOrEqualTo(jpeg.length - 1);
        assertThat(over.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void shrinksAPhoneSizedPhotoUnderTheLimitKeepingItLegible() {
        byte[] photo = TestImages.jpeg(TestImages.document(4032, 3024, 8), 0.92f);
        assertThat(photo.length).isGreaterThan(1024 * 1024);

        ProcessedImage stored = pipeline.process(photo, LIMIT);

        assertThat(stored.shrunk()).isTrue();
        assertThat(stored.bytes().length).isLessThanOrEqualTo(LIMIT);
        // never below the legible size; the aspect ratio kept
        assertThat(Math.max(stored.width(), stored.height())).isGreaterThanOrEqualTo(1280);
        assertThat((double) stored.width() / stored.height()).isCloseTo(4032.0 / 3024, org.assertj.core.data.Offset.offset(0.01));
        BufferedImage decoded = TestImages.read(stored.bytes());
        assertThat(decoded.getWidth()).isEqualTo(stored.width());
        assertThat(stored.originalWidth()).isEqualTo(4032);
        assertThat(stored.warnings()).doesNotContain(QualityWarning.BLURRY, QualityWarning.TOO_SMALL);
    }

    @Test
    void keepsHairlinesVisibleWhenAPhoneSizedPhotoIsShrunk() {
        // A form's ruled lines, 1 px wide in a 12-megapixel photo: after a reduction of about 2.5–3× to fit the
        // limit each must still be clearly darker than the paper beside it. Scaling by sampling (a single
        // bilinear step, source subsampling) loses some of them entirely.
        BufferedImage photo = TestImages.document(4032, 3024, 17);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new Color(246, 244, 238));
        g.fillRect(600, 900, 1400, 1200);
        g.fillRect(2100, 900, 1400, 1200);
        g.setColor(new Color(30, 30, 35));
        for (int x = 620; x < 1980; x += 37) {
            g.drawLine(x, 900, x, 2099);
        }
        for (int y = 920; y < 2080; y += 37) {
            g.drawLine(2100, y, 3499, y);
        }
        g.dispose();

        ProcessedImage stored = pipeline.process(TestImages.jpeg(photo, 0.92f), LIMIT);

        BufferedImage result = TestImages.read(stored.bytes());
        double f = result.getWidth() / 4032.0;
        assertThat(f).isLessThan(0.5);
        for (int x = 620; x < 1980; x += 37) {
            int cx = (int) Math.round((x + 0.5) * f - 0.5);
            int cy = (int) (1500 * f);
            assertThat(hairlineContrast(result, cx, cy, 1, 0)).as("vertical line at x %d", x).isGreaterThanOrEqualTo(32);
        }
        for (int y = 920; y < 2080; y += 37) {
            int cx = (int) (2800 * f);
            int cy = (int) Math.round((y + 0.5) * f - 0.5);
            assertThat(hairlineContrast(result, cx, cy, 0, 1)).as("horizontal line at y %d", y).isGreaterThanOrEqualTo(32);
        }
    }

    /** How much darker (luminance) the darkest pixel within 2 px of (x, y) is than the lightest within 6 px. */
    private static int hairlineContrast(BufferedImage image, int x, int y, int dx, int dy) {
        int dark = 255;
        int paper = 0;
        for (int d = -6; d <= 6; d++) {
            int p = image.getRGB(x + d * dx, y + d * dy);
            int luma = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
            paper = Math.max(paper, luma);
            if (Math.abs(d) <= 2) {
                dark = Math.min(dark, luma);
            }
        }
        return paper - dark;
    }

    @Test
    void storesALargePngAsJpegAndASmallOneAsPng() {
        BufferedImage withAlpha = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = withAlpha.createGraphics();
        g.drawImage(TestImages.document(400, 300, 9), 0, 0, null);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        byte[] smallPng = TestImages.png(withAlpha);
        ProcessedImage small = pipeline.process(smallPng, LIMIT);
        assertThat(small.contentType()).isEqualTo("image/png");
        assertThat(small.converted()).isFalse();

        BufferedImage largeWithAlpha = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_ARGB);
        g = largeWithAlpha.createGraphics();
        g.drawImage(TestImages.document(2000, 1500, 10), 0, 0, null);
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        byte[] largePng = TestImages.png(largeWithAlpha);
        assertThat(largePng.length).isGreaterThan(LIMIT);
        ProcessedImage large = pipeline.process(largePng, LIMIT);
        assertThat(large.contentType()).isEqualTo("image/jpeg");
        assertThat(large.converted()).isTrue();
        assertThat(large.bytes().length).isLessThanOrEqualTo(LIMIT);
        assertThat(TestImages.read(large.bytes()).getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF); // transparent became white
    }

    @Test
    void readsCmykAndProgressiveJpegs() throws Exception {
        BufferedImage quadrants = TestImages.quadrants(400, 300);
        WritableRaster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 400, 300, 4, null);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                Color c = new Color(quadrants.getRGB(x, y));
                // Adobe-style inverted CMYK, as Photoshop writes it
                cmyk.setPixel(x, y, new int[]{c.getRed(), c.getGreen(), c.getBlue(), 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
        }
        writer.dispose();
        ProcessedImage fromCmyk = pipeline.process(bytes.toByteArray(), LIMIT);
        assertThat(fromCmyk.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.read(fromCmyk.bytes()).getRaster().getNumBands()).isEqualTo(3);

        ImageWriter progressiveWriter = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream progressive = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(progressive)) {
            progressiveWriter.setOutput(out);
            ImageWriteParam param = progressiveWriter.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            progressiveWriter.write(null, new IIOImage(TestImages.document(900, 600, 11), null, null), param);
        }
        progressiveWriter.dispose();
        ProcessedImage fromProgressive = pipeline.process(progressive.toByteArray(), LIMIT);
        assertThat(fromProgressive.bytes()).isEqualTo(progressive.toByteArray());
    }

    // ---- upright and metadata ----

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void storesEveryExifOrientationUpright(int orientation) {
        BufferedImage upright = TestImages.quadrants(400, 300);
        BufferedImage asStored = storedAs(upright, orientation);
        byte[] photo = TestImages.withExif(TestImages.jpeg(asStored, 0.9f), orientation, "secret comment");

        ProcessedImage stored = pipeline.process(photo, LIMIT);

        BufferedImage result = TestImages.read(stored.bytes());
        assertThat(result.getWidth()).isEqualTo(400);
        assertThat(result.getHeight()).isEqualTo(300);
        assertThat(dominant(result.getRGB(100, 75))).isEqualTo("red");
        assertThat(dominant(result.getRGB(300, 75))).isEqualTo("green");
        assertThat(dominant(result.getRGB(100, 225))).isEqualTo("blue");
        assertThat(dominant(result.getRGB(300, 225))).isEqualTo("yellow");
        assertThat(stored.rotated()).isEqualTo(orientation != 1);
        assertThat(stored.originalWidth()).isEqualTo(400);
    }

    static IntStream orientations() {
        return IntStream.rangeClosed(1, 8);
    }

    @Test
    void stripsExifGpsAndComments() throws Exception {
        byte[] photo = TestImages.withExif(TestImages.jpeg(TestImages.document(800, 600, 12), 0.8f), 1, "GPS home address");
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        ProcessedImage stored = pipeline.process(photo, LIMIT);

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.bytes()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(indexOf(stored.bytes(), ascii("Exif"))).isNegative();
        assertThat(indexOf(stored.bytes(), ascii("GPS home address"))).isNegative();

        // the same when the file is re-encoded (rotated and shrunk)
        byte[] big = TestImages.withExif(TestImages.jpeg(TestImages.document(3000, 2000, 13), 0.95f), 6, "GPS home address");
        ProcessedImage reencoded = pipeline.process(big, LIMIT);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(reencoded.bytes()))
                .getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(indexOf(reencoded.bytes(), ascii("GPS home address"))).isNegative();

        // PNG text chunks too
        byte[] png = insertPngChunk(TestImages.png(TestImages.quadrants(100, 80)), "tEXt", ascii("Comment\0GPS home address"));
        ProcessedImage fromPng = pipeline.process(png, LIMIT);
        assertThat(indexOf(fromPng.bytes(), ascii("GPS home address"))).isNegative();
        assertThat(TestImages.read(fromPng.bytes()).getWidth()).isEqualTo(100);
    }

    // ---- safety ----

    @Test
    void refusesADecompressionBombFromItsHeaderWithLittleMemory() {
        byte[] pngBomb = pngBomb(30_000, 30_000);
        assertThat(pngBomb.length).isLessThan(8 * 1024);
        byte[] jpegBomb = jpegWithDeclaredSize(TestImages.jpeg(TestImages.quadrants(64, 64), 0.8f), 65_000, 65_000);
        pipeline.process(TestImages.png(TestImages.quadrants(50, 50)), LIMIT); // classes loaded, caches warm

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertRefused(pngBomb, "IMAGE_DIMENSIONS_TOO_LARGE");
        assertRefused(jpegBomb, "IMAGE_DIMENSIONS_TOO_LARGE");
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        // Decoding 30000×30000 would need 2.7 GB; the header check refuses it before any pixel is decoded.
        assertThat(allocated).isLessThan(4L * 1024 * 1024);
    }

    @Test
    void decodesAVeryLargePictureSubsampled() {
        // 9000×6000 = 54 MP: accepted (under the header limit) and decoded at every 2nd pixel, 13.5 MP
        byte[] png = TestImages.png(new BufferedImage(9000, 6000, BufferedImage.TYPE_BYTE_GRAY));
        ProcessedImage stored = pipeline.process(png, LIMIT);
        assertThat(stored.originalWidth()).isEqualTo(9000);
        assertThat(stored.width()).isEqualTo(2560);
        assertThat(stored.height()).isEqualTo(1707);
    }

    // ---- quality hints ----

    @Test
    void warnsAboutSmallAndBlurredPictures() {
        ProcessedImage small = pipeline.process(TestImages.jpeg(TestImages.document(500, 400, 14), 0.9f), LIMIT);
        assertThat(small.warnings()).contains(QualityWarning.TOO_SMALL);

        BufferedImage sharp = TestImages.document(1600, 1200, 15);
        ProcessedImage sharpStored = pipeline.process(TestImages.jpeg(sharp, 0.8f), LIMIT);
        assertThat(sharpStored.warnings()).isEmpty();

        ProcessedImage blurred = pipeline.process(TestImages.jpeg(TestImages.blurred(sharp, 4), 0.8f), LIMIT);
        assertThat(blurred.warnings()).containsExactly(QualityWarning.BLURRY);
    }

    @Test
    void warnsAboutABlurredPictureStoredAsItIs() {
        // Stored as it is, only the luminance is decoded (Codecs.decodeLuma): the same warnings come out.
        BufferedImage sharp = TestImages.document(1200, 900, 15);
        assertKeptWithWarnings(TestImages.jpeg(sharp, 0.5f));
        assertKeptWithWarnings(TestImages.jpeg(TestImages.blurred(sharp, 2), 0.85f), QualityWarning.BLURRY);
        assertKeptWithWarnings(TestImages.jpeg(TestImages.blurred(sharp, 4), 0.85f), QualityWarning.BLURRY);
        // larger: halved, then averaged down to 1000 px, as in colour
        BufferedImage large = TestImages.document(2400, 1800, 15);
        assertKeptWithWarnings(TestImages.jpeg(large, 0.5f));
        assertKeptWithWarnings(TestImages.jpeg(TestImages.blurred(large, 2), 0.5f)); // 430 at 1000 px
        assertKeptWithWarnings(TestImages.jpeg(TestImages.blurred(large, 4), 0.5f), QualityWarning.BLURRY); // 45
        // a greyscale JPEG (one component); and small and blurred at once
        assertKeptWithWarnings(TestImages.jpeg(greyscale(sharp), 0.8f));
        assertKeptWithWarnings(TestImages.jpeg(greyscale(TestImages.blurred(sharp, 3)), 0.8f), QualityWarning.BLURRY);
        assertKeptWithWarnings(TestImages.jpeg(TestImages.blurred(TestImages.document(800, 560, 15), 3), 0.8f),
                QualityWarning.TOO_SMALL, QualityWarning.BLURRY);
    }

    /** Processed with a limit of its own size: stored byte for byte, with exactly these warnings. */
    private void assertKeptWithWarnings(byte[] jpeg, QualityWarning... expected) {
        assertThat(Codecs.decodeLuma(jpeg)).as("read by its luminance").isNotNull();
        ProcessedImage stored = pipeline.process(jpeg, jpeg.length);
        assertThat(stored.bytes()).isEqualTo(jpeg);
        assertThat(stored.shrunk()).isFalse();
        assertThat(stored.warnings()).containsExactlyInAnyOrder(expected);
    }

    @Test
    void measuresTheSameSharpnessFromTheLuminanceAsFromTheColours() {
        // A JPEG's Y is the luminance the blur meter computes from RGB; they differ by rounding and the
        // chroma's quantisation only (measured: within 1.3 %, far from moving a picture across the threshold).
        for (int[] size : new int[][]{{1200, 900}, {1600, 1200}, {2400, 1800}, {800, 600}, {1000, 1400}}) {
            BufferedImage sharp = TestImages.document(size[0], size[1], 15);
            for (int radius = 0; radius <= 4; radius++) {
                byte[] jpeg = TestImages.jpeg(radius == 0 ? sharp : TestImages.blurred(sharp, radius), 0.85f);
                double colour = BlurMeter.sharpness(new Scaler(Codecs.decode(FileKind.JPEG, jpeg, 1)).at(1000));
                double luma = BlurMeter.sharpness(new Scaler(Codecs.decodeLuma(jpeg)).at(1000));
                assertThat(luma).as("%d×%d blurred %d", size[0], size[1], radius)
                        .isCloseTo(colour, org.assertj.core.data.Offset.offset(0.03 * colour));
            }
        }
    }

    @Test
    void blurMeterGivesTheFigureOfFloatingPoint() {
        BufferedImage sharp = TestImages.document(1000, 750, 21);
        for (BufferedImage picture : new BufferedImage[]{sharp, TestImages.blurred(sharp, 1), TestImages.blurred(sharp, 3),
                TestImages.document(1000, 1333, 22), TestImages.document(50, 31, 23), bgr(sharp)}) {
            assertThat(BlurMeter.sharpness(picture))
                    .isCloseTo(floatingPointSharpness(picture), org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
        assertThat(BlurMeter.sharpness(TestImages.document(23, 100, 1))).isEqualTo(Double.MAX_VALUE); // too small to tell
    }

    /** The blur meter as it was first written: luminance in floats, tiles by division, from getRGB. */
    private static double floatingPointSharpness(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        float[] luma = new float[w * h];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            luma[i] = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }
        double[] sum = new double[64];
        double[] sumSq = new double[64];
        long[] count = new long[64];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - 4 * luma[i];
                int t = Math.min(7, y * 8 / h) * 8 + Math.min(7, x * 8 / w);
                sum[t] += lap;
                sumSq[t] += lap * lap;
                count[t]++;
            }
        }
        double[] variance = new double[64];
        for (int t = 0; t < 64; t++) {
            double mean = sum[t] / count[t];
            variance[t] = sumSq[t] / count[t] - mean * mean;
        }
        Arrays.sort(variance);
        return variance[(int) (variance.length * 0.8)];
    }

    @Test
    void refusesABrokenFileThatWouldBeStoredAsItIs() {
        byte[] jpeg = TestImages.jpeg(TestImages.document(800, 600, 4), 0.8f);
        // the scan cut short, though the file ends properly: libjpeg's "premature end of data segment"
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 6 / 10 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        assertRefused(cut, "IMAGE_TRUNCATED");
        // a component refers to a quantisation table the file does not define: libjpeg gives up
        byte[] noTable = jpeg.clone();
        int sof = indexOf(noTable, new byte[]{(byte) 0xFF, (byte) 0xC0});
        noTable[sof + 2 + 8 + 2] = 3; // the first component's table
        assertThat(Codecs.decodeLuma(noTable)).isNull(); // left to the full decode, which refuses it
        assertRefused(noTable, "IMAGE_CORRUPT");
    }

    @Test
    void storesAnRgbJpegAsItIsAfterTheFullDecode() throws Exception {
        // Adobe transform 0: the components are R, G and B, no luminance to read alone. The JDK's reader offers a
        // grey destination and then refuses it; the full decode (TwelveMonkeys) reads it, as before.
        BufferedImage sharp = TestImages.document(1200, 900, 24);
        for (BufferedImage picture : new BufferedImage[]{sharp, TestImages.blurred(sharp, 3)}) {
            byte[] rgbJpeg = rgbJpeg(picture);
            assertThat(Codecs.decodeLuma(rgbJpeg)).isNull();
            ProcessedImage stored = pipeline.process(rgbJpeg, rgbJpeg.length);
            assertThat(stored.bytes()).isEqualTo(rgbJpeg);
            assertThat(stored.warnings()).containsExactlyElementsOf(
                    picture == sharp ? java.util.List.of() : java.util.List.of(QualityWarning.BLURRY));
        }
    }

    /** A JPEG of R, G and B components (Adobe marker with transform 0, no JFIF), as some scanners write them. */
    private static byte[] rgbJpeg(BufferedImage picture) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(picture), param);
        org.w3c.dom.Element tree = (org.w3c.dom.Element) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        org.w3c.dom.Node variety = tree.getElementsByTagName("JPEGvariety").item(0);
        while (variety.hasChildNodes()) {
            variety.removeChild(variety.getFirstChild()); // no JFIF
        }
        javax.imageio.metadata.IIOMetadataNode adobe = new javax.imageio.metadata.IIOMetadataNode("app14Adobe");
        adobe.setAttribute("transform", "0");
        org.w3c.dom.Node markers = tree.getElementsByTagName("markerSequence").item(0);
        markers.insertBefore(adobe, markers.getFirstChild());
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, metadata), param);
        }
        writer.dispose();
        byte[] jpeg = bytes.toByteArray();
        assertThat(Arrays.copyOf(jpeg, 18)).as("SOI, then APP14 Adobe with transform 0")
                .startsWith(0xFF, 0xD8, 0xFF, 0xEE).endsWith(0);
        return jpeg;
    }

    private static BufferedImage greyscale(BufferedImage rgb) {
        BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(rgb, 0, 0, null);
        return grey;
    }

    private static BufferedImage bgr(BufferedImage rgb) {
        BufferedImage bgr = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(rgb, 0, 0, null);
        return bgr;
    }

    @Test
    void equalPicturesGiveEqualFiles() {
        byte[] photo = TestImages.jpeg(TestImages.document(3000, 2000, 16), 0.9f);
        byte[] sameWithOtherMetadata = TestImages.withExif(photo, 1, "another comment");
        assertThat(pipeline.process(photo, LIMIT).sha256()).isEqualTo(pipeline.process(sameWithOtherMetadata, LIMIT).sha256());
    }

    // ---- helpers ----

    private void assertRefused(byte[] file, String code) {
        assertThatThrownBy(() -> pipeline.process(file, LIMIT))
                .isInstanceOfSatisfying(ShenchaException.class, e -> assertThat(e.getCode()).isEqualTo(code));
    }

    /** The pixels as a camera with this EXIF orientation would have stored the upright picture. */
    static BufferedImage storedAs(BufferedImage upright, int orientation) {
        // The inverse of the display transform: apply the transform whose inverse Orientation.upright applies.
        int inverse = switch (orientation) {
            case 6 -> 8;
            case 8 -> 6;
            default -> orientation; // 1–5 and 7 are their own inverses
        };
        return Orientation.upright(upright, inverse);
    }

    static String dominant(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r > 180 && g > 180 && b < 100) {
            return "yellow";
        }
        if (r > 180 && g < 100 && b < 100) {
            return "red";
        }
        if (g > 180 && r < 100 && b < 100) {
            return "green";
        }
        if (b > 180 && r < 100 && g < 100) {
            return "blue";
        }
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[4 * 1024 * 1024]); // the first rows of zeros; a decoder would allocate 2.7 GB first
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR
        chunk(out, type, data);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = ascii(type);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real JPEG whose frame header declares another size. */
    static byte[] jpegWithDeclaredSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i < copy.length - 9; i++) {
            if ((copy[i] & 0xFF) == 0xFF && (copy[i + 1] & 0xFF) == 0xC0) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalStateException("no SOF0");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
