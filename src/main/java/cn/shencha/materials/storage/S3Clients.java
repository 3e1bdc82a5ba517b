package cn.shencha.materials.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 client of {@link S3ImageStore}, set up so that services other than AWS accept it:
 * <ul>
 * <li>checksums only when an operation requires one ({@code WHEN_REQUIRED} both ways): since 2.30 the SDK adds
 *     CRC32 checksums (an {@code aws-chunked} body with a trailer) to every upload by default, which Aliyun OSS,
 *     Tencent COS, Huawei OBS and Ceph RGW refuse; the store sends {@code Content-MD5} itself instead, and uses
 *     no operation that requires a checksum (no DeleteObjects);</li>
 * <li>no {@code aws-chunked} signing of the body (the payload is signed whole; images are small);</li>
 * <li>path-style addresses by default ({@code S3_PATH_STYLE=false} for services that want the bucket in the
 *     host name: Aliyun OSS, Tencent COS);</li>
 * <li>the SDK's Apache HTTP client: a pool of reused connections with timeouts, bounded calls (every retry of
 *     the SDK's standard policy included), so a store that does not answer fails an upload within
 *     {@code callTimeout} instead of holding its request thread.</li>
 * </ul>
 */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client create(StorageProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(settings.maxConnections())
                        .connectionTimeout(settings.connectTimeout())
                        .connectionAcquisitionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.socketTimeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(settings.socketTimeout().plus(settings.connectTimeout())));
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build(); // e.g. an instance role on AWS
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey() == null ? "" : settings.secretKey()));
    }

    static S3ImageStore store(StorageProperties.S3 settings) {
        return new S3ImageStore(create(settings), settings.bucket());
    }
}
