package cn.shencha.materials.storage;

import org.springframework.modulith.NamedInterface;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where image files live: a directory ({@link FileSystemImageStore}, the default) or an S3-compatible bucket
 * ({@link S3ImageStore}, {@code shencha.storage.type=s3}). Keys are made by the store (never from a file name),
 * the same shape in both ({@code ab/<uuid>.jpg}), so a directory copied into a bucket keeps its keys.
 * {@link #put} returns only once the object is durable; an object is either there complete or not at all.
 * Every failure of the store itself is an {@link IOException}.
 */
@NamedInterface("storage") // The image store, used by review (pictures) and admin (export, retention) too.
public interface ImageStore {

    /** Stores the bytes durably and returns the new key; {@code extension} is "jpg" or "png". */
    String put(byte[] content, String extension) throws IOException;

    /**
     * Opens the stored object for reading, without reading it into memory; the caller closes it.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such object
     */
    StoredObject open(String key) throws IOException;

    /** The stored bytes; {@link java.nio.file.NoSuchFileException} when there is no such object. */
    default byte[] get(String key) throws IOException {
        try (StoredObject object = open(key)) {
            return object.content().readAllBytes();
        }
    }

    /** Removes the object if it is there; a missing object is not an error. */
    void delete(String key) throws IOException;

    /** Keys of the objects last written before {@code cutoff}, and removes leftovers of interrupted writes. */
    List<String> keysOlderThan(Instant cutoff) throws IOException;

    /** An open stored object: its bytes as a stream and their number. Closing it releases the file or connection. */
    @NamedInterface("storage")
    record StoredObject(InputStream content, long length) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
