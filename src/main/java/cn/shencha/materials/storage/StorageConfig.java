package cn.shencha.materials.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link ImageStore} of the app: the directory (default) or the bucket ({@code SHENCHA_STORAGE=s3}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfig {

    @Bean
    @ConditionalOnProperty(name = "shencha.storage.type", havingValue = "filesystem", matchIfMissing = true)
    FileSystemImageStore fileSystemImageStore(StorageProperties properties) {
        return new FileSystemImageStore(properties.dir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "shencha.storage.type", havingValue = "s3")
    S3ImageStore s3ImageStore(StorageProperties properties) {
        S3ImageStore store = S3Clients.store(properties.s3());
        try {
            store.checkBucket(properties.s3().createBucket());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }
}
