package cn.shencha.materials.image;

import cn.shencha.base.web.ShenchaException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** The pipeline's refusals, each a stable code with a message in messages-materials*.properties. */
final class ImageRefusal {

    private ImageRefusal() {
    }

    static ShenchaException empty() {
        return new ShenchaException("FILE_EMPTY", HttpStatus.BAD_REQUEST);
    }

    static ShenchaException tooLarge() {
        return new ShenchaException("FILE_TOO_LARGE", HttpStatus.PAYLOAD_TOO_LARGE);
    }

    static ShenchaException unsupported(FileKind kind) {
        return new ShenchaException("UNSUPPORTED_FORMAT", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                new DefaultMessageSourceResolvable(kind.messageKey()));
    }

    static ShenchaException corrupt() {
        return new ShenchaException("IMAGE_CORRUPT", HttpStatus.UNPROCESSABLE_ENTITY);
    }

    static ShenchaException truncated() {
        return new ShenchaException("IMAGE_TRUNCATED", HttpStatus.UNPROCESSABLE_ENTITY);
    }

    static ShenchaException dimensions(long width, long height) {
        return new ShenchaException("IMAGE_DIMENSIONS_TOO_LARGE", HttpStatus.UNPROCESSABLE_ENTITY, width, height);
    }

    static ShenchaException tooComplex(int maxKb) {
        return new ShenchaException("IMAGE_TOO_COMPLEX", HttpStatus.UNPROCESSABLE_ENTITY, maxKb);
    }

    static ShenchaException busy() {
        return new ShenchaException("UPLOAD_BUSY", HttpStatus.SERVICE_UNAVAILABLE);
    }
}
