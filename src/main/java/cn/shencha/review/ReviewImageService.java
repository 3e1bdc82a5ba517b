package cn.shencha.review;

import cn.shencha.base.security.StaffScope;
import cn.shencha.base.web.ShenchaException;
import cn.shencha.materials.ImageContent;
import cn.shencha.materials.MaterialImage;
import cn.shencha.materials.CandidateMaterials;
import cn.shencha.materials.MaterialOverviewService;
import cn.shencha.materials.storage.ImageStore.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A candidate's image for a reviewer (full size or a thumbnail), read through the materials module, which
 * refuses anyone outside the candidate's site or district (404). Every view is recorded (ImageViewLog).
 * The bytes are served as stored: the watermark is drawn on screen by the task form, never into the file.
 */
@Service
public class ReviewImageService {

    public enum Size { FULL, THUMB }

    /** The image to send: a stream (the stored object, or a thumbnail in memory) for the caller to close. */
    public record ImageBytes(String contentType, InputStream content, long length, String etag) {
    }

    static final int THUMB_WIDTH = 320;
    static final int THUMB_HEIGHT = 240;
    private static final int THUMB_CACHE_ENTRIES = 256;
    private static final Logger log = LoggerFactory.getLogger(ReviewImageService.class);

    private final MaterialOverviewService materials;
    private final CandidateMaterials images;
    private final ImageViewLog viewLog;
    /** Thumbnails by the image's sha-256: the same bytes always make the same thumbnail. */
    private final Map<String, byte[]> thumbnails = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > THUMB_CACHE_ENTRIES;
                }
            });

    ReviewImageService(MaterialOverviewService materials, CandidateMaterials images, ImageViewLog viewLog) {
        this.materials = materials;
        this.images = images;
        this.viewLog = viewLog;
    }

    public ImageBytes image(StaffScope scope, Long imageId, Size size) {
        ImageContent content = materials.imageForStaff(scope, imageId);
        MaterialImage image = images.image(imageId).orElseThrow(() -> ShenchaException.notFound("IMAGE_NOT_FOUND"));
        viewLog.record(image, scope.userId(), size == Size.THUMB ? ImageViewRecord.Size.THUMB : ImageViewRecord.Size.FULL);
        if (size == Size.FULL) {
            StoredObject object = content.open(); // streamed from the store, not read into memory
            return new ImageBytes(content.contentType(), object.content(), object.length(), content.sha256());
        }
        String format = "image/png".equals(content.contentType()) ? "png" : "jpg";
        byte[] thumb = thumbnails.computeIfAbsent(content.sha256() + "/" + format, key -> thumbnail(content, format));
        return new ImageBytes(format.equals("png") ? "image/png" : "image/jpeg", new ByteArrayInputStream(thumb),
                thumb.length, content.sha256() + "-thumb");
    }

    private static byte[] thumbnail(ImageContent content, String format) {
        try (StoredObject object = content.open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(object.content())
                    .size(THUMB_WIDTH, THUMB_HEIGHT)
                    .outputFormat(format)
                    .outputQuality(0.8f)
                    .toOutputStream(out);
            return out.toByteArray();
        } catch (ShenchaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.error("No thumbnail for image {}", content.imageId(), e);
            throw new ShenchaException("IMAGE_FILE_MISSING", HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }
}
