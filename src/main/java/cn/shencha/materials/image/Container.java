package cn.shencha.materials.image;

import java.io.ByteArrayOutputStream;

/**
 * The structure of a JPEG or PNG file, walked without decoding a pixel: the dimensions from its header
 * (checked by {@code headerCheck} the moment they are read, so a decompression bomb stops here), whether it
 * ends properly (a truncated file is refused), and a copy without metadata (EXIF, GPS, XMP, IPTC, ICC,
 * comments, text chunks, anything after the end marker) for files that need no re-encoding.
 */
record Container(FileKind kind, int width, int height, int components, byte[] stripped, boolean hadMetadata) {

    interface HeaderCheck {
        void check(long width, long height);
    }

    static Container of(FileKind kind, byte[] data, HeaderCheck headerCheck) {
        return kind == FileKind.JPEG ? jpeg(data, headerCheck) : png(data, headerCheck);
    }

    // ---- JPEG: SOI, marker segments, entropy-coded scans, EOI ----

    private static Container jpeg(byte[] b, HeaderCheck headerCheck) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int pos = 2;
        int width = -1;
        int height = -1;
        int components = -1;
        boolean metadata = false;
        while (true) {
            if (pos >= b.length) {
                throw ImageRefusal.truncated();
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw ImageRefusal.corrupt();
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= b.length) {
                throw ImageRefusal.truncated();
            }
            int marker = b[pos] & 0xFF;
            int markerStart = pos - 1;
            pos++;
            if (marker == 0xD9) { // EOI: whatever follows (a phone's trailer, a motion photo's video) is dropped
                out.write(0xFF);
                out.write(0xD9);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (marker == 0xD8 || marker == 0x00) {
                throw ImageRefusal.corrupt();
            }
            if (pos + 2 > b.length) {
                throw ImageRefusal.truncated();
            }
            int length = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            if (length < 2) {
                throw ImageRefusal.corrupt();
            }
            int segmentEnd = pos + length;
            if (segmentEnd > b.length) {
                throw ImageRefusal.truncated();
            }
            if (isStartOfFrame(marker)) {
                if (length < 8) {
                    throw ImageRefusal.corrupt();
                }
                height = ((b[pos + 3] & 0xFF) << 8) | (b[pos + 4] & 0xFF);
                width = ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF);
                components = b[pos + 7] & 0xFF;
                if (width == 0 || height == 0) {
                    throw ImageRefusal.corrupt();
                }
                headerCheck.check(width, height);
            }
            boolean keep = !isMetadata(marker);
            metadata |= !keep;
            if (keep) {
                out.write(b, markerStart, segmentEnd - markerStart);
            }
            pos = segmentEnd;
            if (marker == 0xDA) { // SOS: entropy-coded data up to the next marker other than RSTn or a stuffed 0xFF00
                if (width < 0) {
                    throw ImageRefusal.corrupt();
                }
                int scanStart = pos;
                while (true) {
                    if (pos + 1 >= b.length) {
                        throw ImageRefusal.truncated();
                    }
                    if ((b[pos] & 0xFF) == 0xFF) {
                        int next = b[pos + 1] & 0xFF;
                        if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                            break;
                        }
                    }
                    pos++;
                }
                out.write(b, scanStart, pos - scanStart);
            }
        }
        if (width < 0) {
            throw ImageRefusal.corrupt();
        }
        return new Container(FileKind.JPEG, width, height, components, out.toByteArray(), metadata);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** APP1..APP13 and APP15 (EXIF, XMP, ICC, IPTC, vendor data) and COM. APP0 (JFIF) and APP14 (Adobe colour transform) stay. */
    private static boolean isMetadata(int marker) {
        return (marker >= 0xE1 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
    }

    // ---- PNG: signature, chunks, IEND ----

    private static final java.util.Set<String> PNG_KEPT = java.util.Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs");

    private static Container png(byte[] b, HeaderCheck headerCheck) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int pos = 8;
        int width = -1;
        int height = -1;
        boolean metadata = false;
        boolean first = true;
        while (true) {
            if (pos + 8 > b.length) {
                throw ImageRefusal.truncated();
            }
            long length = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE - 12 || !type.chars().allMatch(Character::isLetter)) {
                throw ImageRefusal.corrupt();
            }
            long chunkEnd = pos + 12 + length;
            if (first) {
                if (!"IHDR".equals(type) || length != 13) {
                    throw ImageRefusal.corrupt();
                }
                if (pos + 16 > b.length) {
                    throw ImageRefusal.truncated();
                }
                long w = ((long) (b[pos + 8] & 0xFF) << 24) | ((b[pos + 9] & 0xFF) << 16) | ((b[pos + 10] & 0xFF) << 8) | (b[pos + 11] & 0xFF);
                long h = ((long) (b[pos + 12] & 0xFF) << 24) | ((b[pos + 13] & 0xFF) << 16) | ((b[pos + 14] & 0xFF) << 8) | (b[pos + 15] & 0xFF);
                if (w == 0 || h == 0) {
                    throw ImageRefusal.corrupt();
                }
                headerCheck.check(w, h);
                width = (int) w;
                height = (int) h;
                first = false;
            }
            if (chunkEnd > b.length) {
                throw ImageRefusal.truncated();
            }
            if (PNG_KEPT.contains(type)) {
                out.write(b, pos, (int) (chunkEnd - pos));
            } else {
                metadata = true;
            }
            pos = (int) chunkEnd;
            if ("IEND".equals(type)) {
                break;
            }
        }
        return new Container(FileKind.PNG, width, height, -1, out.toByteArray(), metadata);
    }
}
