package cn.shencha.materials;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * One stored image, with what a response needs: content type, size and a strong ETag (sha-256). The bytes are
 * read from the store only by {@link #open()}, as a stream (a cached thumbnail never reads them at all).
 *
 * @param length the stored size from the image's row
 */
public record ImageContent(Long imageId, String contentType, long length, String sha256, Source source) {

    private static final Logger log = LoggerFactory.getLogger(ImageContent.class);

    /** Opens the stored object; see {@link cn.shencha.materials.storage.ImageStore#open}. */
    @FunctionalInterface
    public interface Source {
        StoredObject open() throws IOException;
    }

    public String fileName() {
        return "image-" + imageId + ("image/png".equals(contentType) ? ".png" : ".jpg");
    }

    /**
     * The stored bytes as a stream, for the caller to send and close.
     *
     * @throws ShenchaException IMAGE_FILE_MISSING (500) when the store has no such object, STORAGE_UNAVAILABLE
     *                          (503) when the store cannot be read now
     */
    public StoredObject open() {
        try {
            return source.open();
        } catch (NoSuchFileException e) {
            log.error("The file of image {} is missing from the image store", imageId, e);
            throw new ShenchaException("IMAGE_FILE_MISSING", HttpStatus.INTERNAL_SERVER_ERROR);
        } catch (IOException e) {
            log.error("The file of image {} cannot be read now", imageId, e);
            throw ShenchaException.storageUnavailable();
        }
    }

    /** All the stored bytes at once (a thumbnail, a test); see {@link #open()}. */
    public byte[] bytes() {
        try (StoredObject object = open()) {
            return object.content().readAllBytes();
        } catch (IOException e) {
            log.error("The file of image {} could not be read to its end", imageId, e);
            throw ShenchaException.storageUnavailable();
        }
    }
}
