package cn.shencha.materials.api;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.MaterialTypeRepository;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 示例 images administrators uploaded for a material type, public like the built-in ones. Only a key that
 * a catalog names as its example is served: the store holds the candidates' images too.
 */
@RestController
class ExampleImageController {

    static final String PATH = MaterialType.UPLOADED_EXAMPLE_PATH;

    private final MaterialTypeRepository types;
    private final cn.shencha.materials.storage.ImageStore store;

    ExampleImageController(MaterialTypeRepository types, cn.shencha.materials.storage.ImageStore store) {
        this.types = types;
        this.store = store;
    }

    @GetMapping(PATH + "{folder}/{file}")
    ResponseEntity<byte[]> example(@PathVariable String folder, @PathVariable String file) throws IOException {
        String key = folder + "/" + file;
        if (!types.existsByExampleImage(PATH + key)) {
            throw ShenchaException.notFound("EXAMPLE_NOT_FOUND");
        }
        try {
            byte[] content = store.get(key);
            return ResponseEntity.ok()
                    .contentType(key.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                    .body(content);
        } catch (NoSuchFileException e) {
            throw ShenchaException.notFound("EXAMPLE_NOT_FOUND");
        }
    }
}
