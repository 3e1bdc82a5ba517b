package cn.shencha.materials.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/** The one shape of an image key, in every store: {@code <first two of the uuid>/<uuid>.jpg|png}. */
final class ImageKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f\\-]{36}\\.(jpg|png)");

    private ImageKeys() {
    }

    static String newKey(String extension) {
        if (!"jpg".equals(extension) && !"png".equals(extension)) {
            throw new IllegalArgumentException("extension " + extension);
        }
        String uuid = UUID.randomUUID().toString();
        return uuid.substring(0, 2) + "/" + uuid + "." + extension;
    }

    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Only keys a store made: never a path or a name from outside. */
    static String check(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("Not an image key: " + key);
        }
        return key;
    }

    static String contentType(String key) {
        return key.endsWith(".png") ? "image/png" : "image/jpeg";
    }
}
