package cn.shencha.materials.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;

/**
 * The EXIF orientation (1–8) and turning an image upright by it. Read with metadata-extractor; an
 * unreadable or missing tag means 1 (as stored).
 */
final class Orientation {

    private Orientation() {
    }

    static int of(byte[] data) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data), data.length);
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (directory.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int value = directory.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (Exception | StackOverflowError e) {
            // Broken metadata does not make a broken picture: decoding decides that.
        }
        return 1;
    }

    /** Whether the stored picture is lying on its side: width and height swap when turned upright. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The upright picture of a stored TYPE_INT_RGB image with this orientation. */
    static BufferedImage upright(BufferedImage src, int orientation) {
        if (orientation <= 1) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        int dw = swapsSides(orientation) ? h : w;
        int dh = swapsSides(orientation) ? w : h;
        BufferedImage dst = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                out[dy * dw + dx] = in[row + x];
            }
        }
        return dst;
    }
}
