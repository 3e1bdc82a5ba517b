package cn.shencha.materials.internal;

/**
 * Something the candidate is told about an upload, already in their language: what was done to the file
 * (level INFO: shrunk, turned upright, converted) or a quality hint (level WARNING: too small, blurred,
 * same image as another material). A warning never refuses the upload.
 */
public record UploadNotice(String code, Level level, String text) {

    public enum Level { INFO, WARNING }
}
