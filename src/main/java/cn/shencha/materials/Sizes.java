package cn.shencha.materials;

import java.util.Locale;

/** File sizes as people read them: "186 KB", "1.6 MB" (1 KB = 1024 bytes, as the manuals' "200k"). */
final class Sizes {

    private Sizes() {
    }

    static String format(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
}
