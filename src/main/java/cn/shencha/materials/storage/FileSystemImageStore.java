package cn.shencha.materials.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files under {@code shencha.storage.dir}: {@code ab/<uuid>.jpg}. A write goes to {@code .tmp/} first, is
 * forced to disk, then moved atomically into place and the directory forced too: after a crash a file is
 * either complete or absent, and leftovers in {@code .tmp/} are removed by {@link #keysOlderThan}.
 */
@Component
class FileSystemImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemImageStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f\\-]{36}\\.(jpg|png)");
    private static final String TMP = ".tmp";

    private final Path root;

    FileSystemImageStore(@Value("${shencha.storage.dir}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(byte[] content, String extension) throws IOException {
        if (!"jpg".equals(extension) && !"png".equals(extension)) {
            throw new IllegalArgumentException("extension " + extension);
        }
        String uuid = UUID.randomUUID().toString();
        String key = uuid.substring(0, 2) + "/" + uuid + "." + extension;
        Path target = resolve(key);
        Path tmpDir = Files.createDirectories(root.resolve(TMP));
        Files.createDirectories(target.getParent());
        Path tmp = tmpDir.resolve(uuid + ".part");
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
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (KEY.matcher(key).matches() && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** Only keys this store made, and only inside its directory: a key is never a path from outside. */
    private Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an image key: " + key);
        }
        Path path = root.resolve(key).normalize();
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
