package cn.shencha.materials.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding and encoding through ImageIO. JPEGs are read by the TwelveMonkeys reader (CMYK and YCCK,
 * progressive, broken ICC profiles, which the JDK's reader refuses) and written by the JDK's writer with
 * optimised Huffman tables. Everything stays in memory: no ImageIO cache files.
 */
final class Codecs {

    static {
        ImageIO.scanForPlugins(); // the plugins of a Spring Boot jar are not on the system class path
    }

    private static final ImageReaderSpi JDK_JPEG_READER = jdkJpegReaderSpi();

    private Codecs() {
    }

    /**
     * Decodes the first image, every {@code subsampling}-th pixel per axis, as TYPE_INT_RGB on white, or as
     * the TYPE_3BYTE_BGR the JPEG reader gives (no alpha to paint on white; {@link Scaler} reads it as it is).
     */
    static BufferedImage decode(FileKind kind, byte[] data, int subsampling) {
        ImageReader reader = reader(kind);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw ImageRefusal.truncated();
            }
            return image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : toRgb(image);
        } catch (IOException | RuntimeException e) {
            if (e instanceof cn.shencha.base.web.ShenchaException refusal) {
                throw refusal;
            }
            throw causedBy(e, EOFException.class) ? ImageRefusal.truncated() : ImageRefusal.corrupt();
        } catch (OutOfMemoryError e) {
            throw ImageRefusal.busy();
        } finally {
            reader.dispose();
        }
    }

    /**
     * Decodes only the luminance (Y) of a JPEG, as TYPE_BYTE_GRAY, with the JDK's reader (libjpeg; the
     * TwelveMonkeys reader hands such files to it too). Every scan is still entropy-decoded to its end, so a cut
     * or broken file fails here as in {@link #decode}; only the chroma's inverse DCT, upsampling and the
     * conversion to RGB are skipped: about 60 % of a full decode's time (3–4 ms instead of 8–10 ms for the
     * benchmark's 150 KB JPEG). For a file that is checked but stored as it is, where only the blur meter looks
     * at the pixels.
     *
     * @return null when this file's luminance cannot be read so (an RGB or CMYK JPEG, anything the JDK's reader
     *         does not take): then {@link #decode} decides, and refuses the file if it is broken
     */
    static BufferedImage decodeLuma(byte[] jpeg) {
        ImageReader reader = jdkJpegReader();
        if (reader == null) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageTypeSpecifier grey = null;
            for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
                ImageTypeSpecifier type = types.next();
                if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                    grey = type; // offered for YCbCr and greyscale JPEGs
                }
            }
            if (grey == null) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestinationType(grey);
            BufferedImage image = reader.read(0, param);
            if (warnings.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("premature end"))) {
                throw ImageRefusal.truncated(); // the same libjpeg warning as for a full decode
            }
            return image.getType() == BufferedImage.TYPE_BYTE_GRAY && Scaler.Bytes.readable(image) ? image : null;
        } catch (cn.shencha.base.web.ShenchaException refusal) {
            throw refusal;
        } catch (IOException | RuntimeException e) {
            return null; // e.g. "num source & dest bands differ" for an RGB JPEG: the full decode decides
        } catch (OutOfMemoryError e) {
            throw ImageRefusal.busy();
        } finally {
            reader.dispose();
        }
    }

    static byte[] encodeJpeg(BufferedImage rgb, float quality) {
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setColor(Color.WHITE); // transparent parts of a PNG become white paper
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private static ImageReader reader(FileKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == FileKind.JPEG ? "jpeg" : "png");
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (chosen == null || (kind == FileKind.JPEG && candidate.getClass().getName().startsWith("com.twelvemonkeys"))) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No ImageIO reader for " + kind);
        }
        return chosen;
    }

    /** A new JDK JPEG reader; null if this runtime has none. */
    private static ImageReader jdkJpegReader() {
        try {
            return JDK_JPEG_READER == null ? null : JDK_JPEG_READER.createReaderInstance();
        } catch (IOException e) {
            return null;
        }
    }

    /** Looked up once: looking up by format name makes every JPEG reader, TwelveMonkeys' (with its own delegate) too. */
    private static ImageReaderSpi jdkJpegReaderSpi() {
        for (Iterator<ImageReaderSpi> spis = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                true); spis.hasNext(); ) {
            ImageReaderSpi spi = spis.next();
            if (spi.getClass().getName().startsWith("com.sun.imageio") && Arrays.asList(spi.getFormatNames()).contains("jpeg")) {
                return spi;
            }
        }
        return null;
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.sun.imageio")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No ImageIO JPEG writer");
        }
        return chosen;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
