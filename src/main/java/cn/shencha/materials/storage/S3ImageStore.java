package cn.shencha.materials.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket under the same keys as the file store ({@code ab/<uuid>.jpg}). A PUT is
 * atomic (the object is there complete or not at all) and durable once answered; it carries its own
 * {@code Content-MD5} (checked by every S3-compatible service, unlike the SDK's CRC32 trailers, which are off:
 * {@link S3Clients}) and the bytes' SHA-256 as metadata, so a copy can tell an object it already made. Every
 * failure of the service or the network is an {@link IOException}; a missing object a {@link NoSuchFileException}.
 * The client ({@link S3Clients}) is this store's own and closed with it.
 */
class S3ImageStore implements ImageStore, AutoCloseable {

    /** User metadata {@code x-amz-meta-sha256}: hex SHA-256 of the object's bytes. */
    static final String SHA256 = "sha256";
    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);

    private final S3Client s3;
    private final String bucket;

    S3ImageStore(S3Client s3, String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("shencha.storage.s3.bucket (S3_BUCKET) is required with SHENCHA_STORAGE=s3");
        }
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Checks at start that the bucket is there and the credentials open it (or creates it, when asked): a wrong
     * bucket, key or secret stops the start with the service's answer instead of failing every upload. A service
     * that cannot be reached now is only logged: uploads answer STORAGE_FAILED until it is back.
     */
    void checkBucket(boolean create) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            log.info("Images are stored in the bucket {}", bucket);
        } catch (NoSuchBucketException e) {
            if (!create) {
                throw new IllegalStateException("The bucket " + bucket + " does not exist (S3_BUCKET); create it first", e);
            }
            s3.createBucket(b -> b.bucket(bucket));
            log.info("Created the image bucket {}", bucket);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && create) {
                s3.createBucket(b -> b.bucket(bucket));
                log.info("Created the image bucket {}", bucket);
            } else if (e.statusCode() == 404 || e.statusCode() == 403 || e.statusCode() == 400) {
                throw new IllegalStateException("The bucket " + bucket + " cannot be opened (HTTP " + e.statusCode()
                        + "): check S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY and S3_REGION", e);
            } else {
                log.error("The image bucket {} answers HTTP {} now: uploads fail until it is back", bucket, e.statusCode(), e);
            }
        } catch (SdkException e) {
            log.error("The image store cannot be reached now: uploads fail until it is back: {}", e.getMessage());
        }
    }

    @Override
    public String put(byte[] content, String extension) throws IOException {
        String key = ImageKeys.newKey(extension);
        putAt(key, content);
        return key;
    }

    /** Stores the bytes under a key the caller made (the copy from a file store keeps the file's key). */
    void putAt(String key, byte[] content) throws IOException {
        ImageKeys.check(key);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key)
                            .contentType(ImageKeys.contentType(key))
                            .contentLength((long) content.length)
                            .contentMD5(Base64.getEncoder().encodeToString(digest("MD5", content)))
                            .metadata(Map.of(SHA256, sha256(content))),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("store " + key, e);
        }
    }

    @Override
    public StoredObject open(String key) throws IOException {
        ImageKeys.check(key);
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
            return new StoredObject(in, in.response().contentLength());
        } catch (NoSuchKeyException e) {
            throw missing(key, e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(key, e);
            }
            throw failure("read " + key, e);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        ImageKeys.check(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key)); // a missing key is a 204 too
        } catch (SdkException e) {
            throw failure("delete " + key, e);
        }
    }

    /**
     * One listing of the bucket, page by page (1,000 keys a request). Objects whose key is not an image key are
     * left alone: a bucket may be shared. A PUT leaves nothing behind when it fails, so there is nothing else to
     * clean. The age is the service's {@code Last-Modified}: its clock and the nodes' must agree (NTP) within the
     * sweeper's grace.
     */
    @Override
    public List<String> keysOlderThan(Instant cutoff) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
                if (ImageKeys.isKey(object.key()) && object.lastModified().isBefore(cutoff)) {
                    keys.add(object.key());
                }
            }
        } catch (SdkException e) {
            throw failure("list the bucket", e);
        }
        return keys;
    }

    /** The object's size and the SHA-256 it was stored with (empty when it has none), or empty when it is missing. */
    Optional<Head> head(String key) throws IOException {
        ImageKeys.check(key);
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new Head(head.contentLength(), Optional.ofNullable(head.metadata().get(SHA256))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("look up " + key, e);
        } catch (SdkException e) {
            throw failure("look up " + key, e);
        }
    }

    record Head(long length, Optional<String> sha256) {
    }

    String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        s3.close();
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest("SHA-256", content));
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IOException failure(String what, SdkException e) {
        String status = e instanceof S3Exception s3e ? " (HTTP " + s3e.statusCode() + ")" : "";
        return new IOException("Cannot " + what + " in the bucket " + bucket + status + ": " + e.getMessage(), e);
    }

    private static NoSuchFileException missing(String key, SdkException e) {
        NoSuchFileException missing = new NoSuchFileException(key);
        missing.initCause(e);
        return missing;
    }
}
