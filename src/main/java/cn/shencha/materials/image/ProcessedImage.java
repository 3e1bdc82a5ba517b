package cn.shencha.materials.image;

import java.util.Set;

/**
 * An accepted image, ready to store: upright, without metadata, at most the size limit.
 *
 * @param bytes          what to store
 * @param contentType    image/jpeg or image/png
 * @param extension      jpg or png
 * @param width          of the stored picture
 * @param height         of the stored picture
 * @param originalBytes  size of the uploaded file
 * @param originalWidth  of the uploaded picture, turned upright
 * @param originalHeight of the uploaded picture, turned upright
 * @param shrunk         the file was larger than the limit and was scaled and/or re-encoded to fit
 * @param rotated        the EXIF orientation was applied
 * @param converted      a PNG was stored as JPEG
 * @param quality        the JPEG quality used when re-encoded (0 when the file was kept as it was)
 * @param warnings       quality hints
 * @param sha256         hex checksum of {@code bytes}: equal images are equal files
 */
public record ProcessedImage(byte[] bytes, String contentType, String extension, int width, int height,
                             int originalBytes, int originalWidth, int originalHeight, boolean shrunk,
                             boolean rotated, boolean converted, float quality, Set<QualityWarning> warnings,
                             String sha256) {
}
