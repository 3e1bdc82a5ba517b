package cn.shencha.materials.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shencha.support.S3ProxyExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What only the S3 store does, against S3Proxy (signatures checked): what goes on the wire, wrong credentials,
 * a missing bucket, foreign objects in a shared bucket, and the copy of a file store into a bucket.
 * The behaviour both stores share is {@code cn.shencha.materials.ImageStoreContract}.
 */
class S3ImageStoreTests {

    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();

    @TempDir
    Path dir;

    private final String bucket = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private S3ImageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private S3ImageStore store(String accessKey, String secretKey, boolean create) {
        StorageProperties.S3 settings = new StorageProperties.S3(URI.create(s3.endpoint()), bucket, "us-east-1",
                accessKey, secretKey, true, create, 8, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20));
        S3ImageStore made = S3Clients.store(settings);
        made.checkBucket(create);
        return made;
    }

    private S3ImageStore store() {
        store = store(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY, true);
        return store;
    }

    @Test
    void aPutIsPathStyleWithContentMd5AndWithoutTheSdksFlexibleChecksums() throws IOException {
        S3ImageStore store = store();
        byte[] bytes = "a small picture".getBytes();
        WireRecorder.start();

        String key = store.put(bytes, "jpg");

        WireRecorder.Sent put = WireRecorder.sent().stream().filter(s -> s.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.path()).isEqualTo("/" + bucket + "/" + key);
        assertThat(put.header("Content-MD5")).isNotBlank();
        assertThat(put.hasHeaderStartingWith("x-amz-checksum-")).as(put.headers().toString()).isFalse();
        assertThat(put.hasHeaderStartingWith("x-amz-sdk-checksum-algorithm")).isFalse();
        assertThat(put.header("x-amz-trailer")).isNull();
        assertThat(put.header("Content-Encoding")).isNull(); // no aws-chunked body
        assertThat(put.header("x-amz-content-sha256")).doesNotStartWith("STREAMING-");
        try (S3Client client = s3.client()) {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(key));
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            assertThat(head.metadata()).containsEntry(S3ImageStore.SHA256, S3ImageStore.sha256(bytes));
        }
        WireRecorder.start();
        store.get(key);
        assertThat(WireRecorder.sent()).allSatisfy(s -> assertThat(s.header("x-amz-checksum-mode")).isNull());

        // For contrast, the SDK's defaults: the same PUT carries a CRC32 checksum (what OSS, COS, OBS and RGW refuse).
        try (S3Client defaults = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(URI.create(s3.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY)))
                .build()) {
            WireRecorder.start();
            try {
                defaults.putObject(b -> b.bucket(bucket).key("contrast/default-checksums"), RequestBody.fromBytes(bytes));
            } catch (SdkException refusedOrNot) {
                // only what was sent matters here
            }
            assertThat(WireRecorder.sent()).filteredOn(s -> s.method().equals("PUT")).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.hasHeaderStartingWith("x-amz-checksum-") || s.header("x-amz-trailer") != null)
                            .as(s.headers().toString()).isTrue());
        }
    }

    @Test
    void wrongCredentialsAreRefusedAtTheStartAndEveryCallFailsAsAnIoException() throws IOException {
        store(); // creates the bucket
        assertThatThrownBy(() -> store(S3ProxyExtension.ACCESS_KEY, "not-the-secret", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("S3_SECRET_KEY");

        StorageProperties.S3 wrong = new StorageProperties.S3(URI.create(s3.endpoint()), bucket, "us-east-1",
                S3ProxyExtension.ACCESS_KEY, "not-the-secret", true, false, 8, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(20));
        try (S3ImageStore forged = S3Clients.store(wrong)) {
            assertThatThrownBy(() -> forged.put(new byte[]{1}, "jpg")).isInstanceOf(IOException.class).hasMessageContaining("403");
            String key = store.put(new byte[]{1, 2}, "jpg");
            assertThatThrownBy(() -> forged.open(key)).isInstanceOf(IOException.class).isNotInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void aMissingBucketStopsTheStartUnlessItMayBeCreated() {
        assertThatThrownBy(() -> store(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(bucket);
        store();
        try (S3Client client = s3.client()) {
            assertThat(client.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
        }
    }

    @Test
    void objectsOfOthersInASharedBucketAreNeverListedForTheSweeper() throws IOException {
        S3ImageStore store = store();
        String ours = store.put(new byte[]{1}, "png");
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(bucket).key("backups/notes.txt"), RequestBody.fromString("not an image"));
            client.putObject(b -> b.bucket(bucket).key("ab/not-a-uuid.jpg"), RequestBody.fromString("not ours"));
        }
        List<String> old = store.keysOlderThan(Instant.now().plusSeconds(60));
        assertThat(old).containsExactly(ours);
    }

    @Test
    void theCopyCommandCopiesAFileStoreIntoTheBucketOnceAndResumes() throws Exception {
        S3ImageStore bucketStore = store();
        FileSystemImageStore files = new FileSystemImageStore(dir);
        String a = files.put("first".getBytes(), "jpg");
        String b = files.put("second".getBytes(), "png");
        String c = files.put("third".getBytes(), "jpg");
        Files.writeString(dir.resolve("README.txt"), "not an image"); // not copied
        String[] args = {"--shencha.storage.dir=" + dir, "--shencha.storage.s3.endpoint=" + s3.endpoint(),
                "--shencha.storage.s3.bucket=" + bucket, "--shencha.storage.s3.access-key=" + S3ProxyExtension.ACCESS_KEY,
                "--shencha.storage.s3.secret-key=" + S3ProxyExtension.SECRET_KEY, "--shencha.storage.copy-threads=2"};

        assertThat(StorageCopyCommand.execute(args)).isEqualTo(new ImageStoreCopy.Result(3, 3, 0, 0));
        assertThat(bucketStore.get(a)).isEqualTo("first".getBytes());
        assertThat(bucketStore.get(b)).isEqualTo("second".getBytes());
        assertThat(bucketStore.get(c)).isEqualTo("third".getBytes());

        // Run again: nothing to do.
        assertThat(StorageCopyCommand.execute(args)).isEqualTo(new ImageStoreCopy.Result(3, 0, 3, 0));

        // An interrupted run left one object missing and one cut short, another tool wrote one without our
        // checksum, and a new upload came: exactly those are written again.
        String d = files.put("fourth, uploaded since".getBytes(), "jpg");
        try (S3Client client = s3.client()) {
            client.deleteObject(x -> x.bucket(bucket).key(a));
            client.putObject(x -> x.bucket(bucket).key(b).metadata(Map.of(S3ImageStore.SHA256, "0".repeat(64))),
                    RequestBody.fromString("sec"));
            client.putObject(x -> x.bucket(bucket).key(c), RequestBody.fromString("third"));
        }
        assertThat(StorageCopyCommand.execute(args)).isEqualTo(new ImageStoreCopy.Result(4, 4, 0, 0));
        assertThat(bucketStore.get(a)).isEqualTo("first".getBytes());
        assertThat(bucketStore.get(b)).isEqualTo("second".getBytes());
        assertThat(bucketStore.get(d)).isEqualTo("fourth, uploaded since".getBytes());
        assertThat(StorageCopyCommand.run(new String[]{StorageCopyCommand.NAME, args[0], args[1], args[2], args[3], args[4]}))
                .as("exit code: everything is in the bucket").isZero();
    }

    @Test
    void theCopyCommandExitsWithTwoWhenTheBucketCannotBeUsed() {
        assertThat(StorageCopyCommand.run(new String[]{StorageCopyCommand.NAME, "--shencha.storage.dir=" + dir,
                "--shencha.storage.s3.endpoint=" + s3.endpoint(), "--shencha.storage.s3.bucket=" + bucket,
                "--shencha.storage.s3.access-key=" + S3ProxyExtension.ACCESS_KEY,
                "--shencha.storage.s3.secret-key=wrong"})).isEqualTo(2);
    }
}
