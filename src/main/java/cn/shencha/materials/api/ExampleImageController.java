package cn.shencha.materials.api;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.MaterialType;
import cn.shencha.materials.internal.MaterialTypeRepository;
import cn.shencha.materials.storage.ImageStore;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
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
    private static final Logger log = LoggerFactory.getLogger(ExampleImageController.class);

    private final ImageStore store;

    ExampleImageController(MaterialTypeRepository types, ImageStore store) {
        this.types = types;
        this.store = store;
    }

    @GetMapping(PATH + "{folder}/{file}")
    ResponseEntity<Resource> example(@PathVariable String folder, @PathVariable String file) {
        String key = folder + "/" + file;
        if (!types.existsByExampleImage(PATH + key)) {
            throw ShenchaException.notFound("EXAMPLE_NOT_FOUND");
        }
        StoredObject object;
        try {
            object = store.open(key); // streamed into the response, closed once sent
        } catch (NoSuchFileException e) {
            throw ShenchaException.notFound("EXAMPLE_NOT_FOUND");
        } catch (IOException e) {
            log.error("The example image {} cannot be read now", key, e);
            throw ShenchaException.storageUnavailable();
        }
        return ResponseEntity.ok()
                .contentType(key.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                .contentLength(object.length())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new InputStreamResource(object.content()));
    }
}
