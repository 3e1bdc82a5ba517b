package cn.shencha.materials.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Where image files live. Keys are made by the store (never from a file name). {@link #put} returns only
 * once the file is durable; a file is either there complete or not at all.
 */
public interface ImageStore {

    /** Stores the bytes durably and returns the new key; {@code extension} is "jpg" or "png". */
    String put(byte[] content, String extension) throws IOException;

    /** The stored bytes; {@link java.nio.file.NoSuchFileException} when there is no such file. */
    byte[] get(String key) throws IOException;

    /** Removes the file if it is there; a missing file is not an error. */
    void delete(String key) throws IOException;

    /** Keys of the files last written before {@code cutoff}, and removes leftovers of interrupted writes. */
    List<String> keysOlderThan(Instant cutoff) throws IOException;
}
