package cn.shencha.materials.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the images are stored ({@code shencha.storage.*}; environment variables in application.properties).
 *
 * @param type "filesystem" (the default: {@link #dir}) or "s3" (the bucket of {@link #s3})
 * @param dir  the file-system store's directory; also the source of the copy into a bucket
 * @param s3   the S3-compatible store
 */
@ConfigurationProperties("shencha.storage")
public record StorageProperties(
        @DefaultValue("filesystem") String type,
        @DefaultValue("./data/images") Path dir,
        @DefaultValue S3 s3) {

    public StorageProperties {
        type = type.strip().toLowerCase(java.util.Locale.ROOT);
        if (!"filesystem".equals(type) && !"s3".equals(type)) {
            throw new IllegalArgumentException("shencha.storage.type (SHENCHA_STORAGE) must be filesystem or s3, not " + type);
        }
    }

    /**
     * An S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, Huawei OBS, Ceph RGW, SeaweedFS, Garage, S3Proxy).
     *
     * @param endpoint          the service's address ({@code S3_ENDPOINT}); empty: AWS's own for the region
     * @param bucket            the bucket ({@code S3_BUCKET})
     * @param region            the signing region ({@code S3_REGION}); most non-AWS services accept any
     * @param accessKey         the access key ({@code S3_ACCESS_KEY}); empty: the SDK's default credential chain
     * @param secretKey         the secret key ({@code S3_SECRET_KEY})
     * @param pathStyle         {@code endpoint/bucket/key} (true: Ceph RGW, SeaweedFS, Garage, S3Proxy, OBS) or
     *                          {@code bucket.endpoint/key} (false: Aliyun OSS, Tencent COS buckets since 2024)
     * @param createBucket      create the bucket at start when it does not exist (a test or a compose file's
     *                          fresh server); in production the bucket is made by the operator
     * @param maxConnections    the HTTP connection pool; a streamed read holds one until it is sent
     * @param connectTimeout    connecting to the service
     * @param socketTimeout     between two packets of one answer
     * @param callTimeout       one call, every retry included: an upload never waits longer for the store
     */
    public record S3(
            URI endpoint,
            String bucket,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("false") boolean createBucket,
            @DefaultValue("50") int maxConnections,
            @DefaultValue("PT2S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration socketTimeout,
            @DefaultValue("PT30S") Duration callTimeout) {
    }
}
