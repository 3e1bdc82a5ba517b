package cn.shencha.materials;

import cn.shencha.support.ShenchaSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;

/** The store contract on the file store (the default): its directory replaced by a plain file breaks it. */
@ShenchaSpringTest
class FileSystemImageStoreContractTests extends ImageStoreContract {

    @Value("${shencha.storage.dir}")
    Path dir;
    private Path aside;

    @Override
    void breakStore() throws Exception {
        Path root = dir.toAbsolutePath();
        aside = root.resolveSibling(root.getFileName() + "-aside-" + System.nanoTime());
        if (Files.exists(root)) {
            Files.move(root, aside);
        }
        Files.writeString(root, "not a directory");
    }

    @Override
    void mendStore() throws Exception {
        Path root = dir.toAbsolutePath();
        Files.deleteIfExists(root);
        if (aside != null && Files.exists(aside)) {
            Files.move(aside, root);
        }
    }
}
