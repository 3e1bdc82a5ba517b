package cn.shencha.materials.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemImageStoreTests {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesUnderKeysItMadeItself() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(root);
        String key = store.put(new byte[]{1, 2, 3}, "jpg");

        assertThat(key).matches("[0-9a-f]{2}/[0-9a-f-]{36}\\.jpg");
        assertThat(store.get(key)).containsExactly(1, 2, 3);
        assertThat(root.resolve(".tmp")).isEmptyDirectory(); // the temporary file was moved into place

        store.delete(key);
        store.delete(key); // a missing file is not an error
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void neverResolvesAKeyOutsideItsDirectory() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(root);
        Files.writeString(root.getParent().resolve("secret.txt"), "secret");
        for (String key : new String[]{"../secret.txt", "/etc/passwd", "ab/../../secret.txt", "IMG_0001.JPG", "", null}) {
            assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.put(new byte[1], "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsOldFilesAndRemovesLeftoversOfInterruptedWrites() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(root);
        String old = store.put(new byte[]{1}, "jpg");
        String young = store.put(new byte[]{2}, "png");
        Instant now = Instant.now();
        Files.setLastModifiedTime(root.resolve(old), FileTime.from(now.minus(Duration.ofHours(2))));
        Path part = Files.writeString(root.resolve(".tmp").resolve("crashed.part"), "half");
        Files.setLastModifiedTime(part, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.writeString(root.resolve("README.txt"), "not an image key");

        assertThat(store.keysOlderThan(now.minus(Duration.ofHours(1)))).containsExactly(old);
        assertThat(part).doesNotExist();
        assertThat(root.resolve(young)).exists();
        try (Stream<Path> files = Files.list(root.resolve(".tmp"))) {
            assertThat(files).isEmpty();
        }
    }
}
