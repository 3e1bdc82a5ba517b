package cn.shencha.materials.storage;

import org.springframework.modulith.NamedInterface;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar shencha.jar copy-images-to-s3}: copies the file store ({@code SHENCHA_STORAGE_DIR}) into the
 * bucket ({@code S3_*}), for a district that started on one node and moves to object storage. Reads the same
 * settings as the app (application.properties, the environment, {@code --name=value} arguments) but starts
 * nothing else: no database, no engine, no web server, so it can run beside the running app. Runs
 * {@code shencha.storage.copy-threads} copies at a time (8). Exit code 0 when every image is in the bucket,
 * 1 when some failed (run it again: it resumes), 2 when the bucket cannot be used. See docs/operations.md.
 */
@NamedInterface("storage") // Started from Application.main as a command.
public final class StorageCopyCommand {

    public static final String NAME = "copy-images-to-s3";
    private static final Logger log = LoggerFactory.getLogger(StorageCopyCommand.class);

    private StorageCopyCommand() {
    }

    /** Whether the app was started as this command ({@code args[0]}). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command with the arguments after its name; returns the exit code. */
    public static int run(String[] args) {
        try {
            ImageStoreCopy.Result result = execute(Arrays.copyOfRange(args, 1, args.length));
            return result.failed() == 0 ? 0 : 1;
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.error("Cannot copy the images: {}", e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            log.error("Cannot copy the images", e);
            return 1;
        }
    }

    static ImageStoreCopy.Result execute(String... args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            StorageProperties properties = context.getBean(StorageProperties.class);
            int threads = context.getEnvironment().getProperty("shencha.storage.copy-threads", Integer.class, 8);
            FileSystemImageStore from = new FileSystemImageStore(properties.dir());
            try (S3ImageStore to = S3Clients.store(properties.s3())) {
                to.checkBucket(properties.s3().createBucket());
                return ImageStoreCopy.copy(from, to, Math.max(1, threads));
            }
        }
    }

    /** Only the storage settings: nothing of the app is started (not a @Configuration: the app's scan skips it). */
    @EnableConfigurationProperties(StorageProperties.class)
    static class Settings {
    }
}
