package cn.shencha.materials.image;

import org.springframework.modulith.NamedInterface;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is by its first bytes, never by its name. Only JPEG and PNG are accepted; the others are
 * named so the candidate learns what they actually sent ("该文件实际是 GIF 动图").
 */
@NamedInterface("image") // The stored file kinds, used by admin's export.
public enum FileKind {
    JPEG, PNG, GIF, WEBP, BMP, TIFF, HEIC, AVIF, PDF, SVG, HTML, XML, EXECUTABLE, ARCHIVE, TEXT, UNKNOWN;

    public boolean accepted() {
        return this == JPEG || this == PNG;
    }

    /** The message key naming this kind of file in the materials bundles. */
    String messageKey() {
        return "materials.kind." + name();
    }

    public static FileKind of(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            String brand = ascii(b, 8, 4);
            return brand.startsWith("avi") ? AVIF : HEIC; // heic, heix, mif1, msf1, hevc...: all HEIF
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (startsWith(b, 0, 'M', 'Z') || startsWith(b, 0, 0x7F, 'E', 'L', 'F')
                || startsWith(b, 0, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(b, 0, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(b, 0, '#', '!')) {
            return EXECUTABLE;
        }
        if (startsWith(b, 0, 'P', 'K', 0x03, 0x04) || startsWith(b, 0, 0x1F, 0x8B) || startsWith(b, 0, 'R', 'a', 'r', '!')
                || startsWith(b, 0, '7', 'z', 0xBC, 0xAF)) {
            return ARCHIVE;
        }
        String head = textHead(b);
        if (head.contains("<svg")) {
            return SVG;
        }
        if (head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<script")
                || head.contains("<body") || head.contains("<head")) {
            return HTML;
        }
        if (head.startsWith("<?xml") || head.startsWith("<")) {
            return XML;
        }
        return looksLikeText(b) ? TEXT : UNKNOWN;
    }

    private static String textHead(byte[] b) {
        int start = startsWith(b, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String head = new String(b, start, Math.min(b.length - start, 1024), StandardCharsets.UTF_8);
        return head.stripLeading().toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                return false;
            }
        }
        return n > 0;
    }

    private static String ascii(byte[] b, int offset, int length) {
        if (b.length < offset + length) {
            return "";
        }
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
