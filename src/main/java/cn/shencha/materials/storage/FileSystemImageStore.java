package cn.shencha.materials.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files under {@code shencha.storage.dir}: {@code ab/<uuid>.jpg}. A write goes to {@code .tmp/} first, is
 * forced to disk, then moved atomically into place and the directory forced too: after a crash a file is
 * either complete or absent, and leftovers in {@code .tmp/} are removed by {@link #keysOlderThan}. The default
 * store ({@code shencha.storage.type=filesystem}), made by {@link StorageConfig}.
 */
class FileSystemImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);
    private static final String TMP = ".tmp";

    private final Path root;

    FileSystemImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(byte[] content, String extension) throws IOException {
        String key = ImageKeys.newKey(extension);
        Path target = resolve(key);
        Path tmpDir = Files.createDirectories(root.resolve(TMP));
        Files.createDirectories(target.getParent());
        Path tmp = tmpDir.resolve(target.getFileName() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The image directory " + root + " does not support atomic moves", e);
            }
            forceDirectory(target.getParent());
            return key;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    @Override
    public StoredObject open(String key) throws IOException {
        Path file = resolve(key);
        InputStream in = Files.newInputStream(file); // NoSuchFileException when missing
        try {
            return new StoredObject(in, Files.size(file));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        return Files.readAllBytes(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public List<String> keysOlderThan(Instant cutoff) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return keys;
        }
        Path tmpDir = root.resolve(TMP);
        if (Files.isDirectory(tmpDir)) {
            try (Stream<Path> parts = Files.list(tmpDir)) {
                for (Path part : parts.toList()) {
                    if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff)) {
                        log.info("Removing an interrupted image write {}", part.getFileName());
                        Files.deleteIfExists(part);
                    }
                }
            }
        }
        for (String key : keys()) {
            if (Files.getLastModifiedTime(resolve(key)).toInstant().isBefore(cutoff)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Every key in the directory, whatever its age (for copying the store into a bucket). */
    List<String> keys() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(ImageKeys::isKey)
                    .toList();
        }
    }

    /** The file of a key, for reading it outside the store (the copy into a bucket). */
    Path file(String key) {
        return resolve(key);
    }

    /** Only keys this store made, and only inside its directory: a key is never a path from outside. */
    private Path resolve(String key) {
        Path path = root.resolve(ImageKeys.check(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not an image key: " + key);
        }
        return path;
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable on Linux; not supported everywhere (e.g. Windows), then best effort.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Cannot force directory {}: {}", dir, e.getMessage());
        }
    }

    Path root() {
        return root;
    }
}
