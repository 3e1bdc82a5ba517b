package cn.shencha.materials;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real image files made by the tests with Java2D and ImageIO: no binary fixtures. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * A photographed document: off-white paper with lines of text and a table, on a darker desk, with a little
     * sensor noise, like a phone photo of a certificate. {@code seed} makes different pictures.
     */
    public static BufferedImage document(int width, int height, long seed) {
        return document(width, height, seed, 6);
    }

    /** The same with sensor noise of the given amplitude (0: a clean scan). */
    public static BufferedImage document(int width, int height, long seed, int noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setColor(new Color(90, 70, 50));
        g.fillRect(0, 0, width, height);
        int mx = width / 12;
        int my = height / 14;
        g.setColor(new Color(246, 244, 238));
        g.fillRect(mx, my, width - 2 * mx, height - 2 * my);
        g.setColor(new Color(30, 30, 35));
        int fontSize = Math.max(10, height / 40);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, fontSize));
        g.setStroke(new BasicStroke(Math.max(1, fontSize / 12f)));
        int y = my + fontSize * 2;
        int line = 0;
        while (y < height - my - fontSize) {
            if (line % 7 == 3) {
                g.drawRect(mx + fontSize, y - fontSize, width - 2 * mx - 2 * fontSize, fontSize * 2);
                y += fontSize * 3;
            } else {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 60; i++) {
                    text.append((char) ('A' + random.nextInt(26)));
                    if (random.nextInt(6) == 0) {
                        text.append(' ');
                    }
                }
                g.drawString(text.toString(), mx + fontSize, y);
                y += fontSize * 3 / 2;
            }
            line++;
        }
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(Math.max(2, fontSize / 6f)));
        g.drawOval(width - mx - fontSize * 8, height - my - fontSize * 8, fontSize * 6, fontSize * 6);
        g.dispose();
        if (noise > 0) {
            addNoise(image, random, noise);
        }
        return image;
    }

    /** Four coloured quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    /** A softly blurred copy (box blur of the given radius, repeated three times ≈ Gaussian). */
    public static BufferedImage blurred(BufferedImage src, int radius) {
        BufferedImage image = src;
        for (int pass = 0; pass < 3; pass++) {
            image = boxBlur(image, radius);
        }
        return image;
    }

    private static BufferedImage boxBlur(BufferedImage src, int r) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[w * h];
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = average(in, w, h, x, y, r, true);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = average(tmp, w, h, x, y, r, false);
            }
        }
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        dst.setRGB(0, 0, w, h, out, 0, w);
        return dst;
    }

    private static int average(int[] px, int w, int h, int x, int y, int r, boolean horizontal) {
        int rs = 0;
        int gs = 0;
        int bs = 0;
        int n = 0;
        for (int d = -r; d <= r; d++) {
            int xx = horizontal ? Math.min(w - 1, Math.max(0, x + d)) : x;
            int yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + d));
            int p = px[yy * w + xx];
            rs += (p >> 16) & 0xFF;
            gs += (p >> 8) & 0xFF;
            bs += p & 0xFF;
            n++;
        }
        return ((rs / n) << 16) | ((gs / n) << 8) | (bs / n);
    }

    private static void addNoise(BufferedImage image, Random random, int amplitude) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int n = random.nextInt(2 * amplitude + 1) - amplitude;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n);
        }
        image.setRGB(0, 0, w, h, px, 0, w);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Inserts an EXIF APP1 segment right after SOI: IFD0 with the Orientation tag and a GPS IFD (latitude
     * reference "N", latitude 39°), and a COM segment with {@code comment}: metadata that must not be stored.
     */
    public static byte[] withExif(byte[] jpeg, int orientation, String comment) {
        ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, Orientation and the GPS IFD pointer
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        int gpsOffset = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        tiff.putInt(0);
        // GPS IFD: GPSLatitudeRef "N", GPSLatitude 39/1 0/1 0/1
        tiff.putShort((short) 2);
        int rationalOffset = gpsOffset + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(rationalOffset);
        tiff.putInt(0);
        tiff.putInt(39).putInt(1).putInt(0).putInt(1).putInt(0).putInt(1);
        int tiffLength = tiff.position();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int app1Length = 2 + exifHeader.length + tiffLength;
        out.write(0xFF);
        out.write(0xE1);
        out.write(app1Length >> 8);
        out.write(app1Length & 0xFF);
        out.write(exifHeader, 0, exifHeader.length);
        out.write(tiff.array(), 0, tiffLength);
        if (comment != null) {
            byte[] text = comment.getBytes(StandardCharsets.UTF_8);
            out.write(0xFF);
            out.write(0xFE);
            out.write((text.length + 2) >> 8);
            out.write((text.length + 2) & 0xFF);
            out.write(text, 0, text.length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
