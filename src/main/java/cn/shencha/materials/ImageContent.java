package cn.shencha.materials;

/** The stored bytes of one image, with what a response needs: content type and a strong ETag (sha-256). */
public record ImageContent(Long imageId, String contentType, byte[] bytes, String sha256) {

    public String fileName() {
        return "image-" + imageId + ("image/png".equals(contentType) ? ".png" : ".jpg");
    }
}
