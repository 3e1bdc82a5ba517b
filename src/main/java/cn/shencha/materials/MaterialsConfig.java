package cn.shencha.materials;

import cn.shencha.materials.image.ImagePipeline;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaterialsProperties.class)
class MaterialsConfig {

    @Bean
    ImagePipeline imagePipeline(MaterialsProperties p) {
        return new ImagePipeline(new ImagePipeline.Limits(p.maxUploadBytes(), p.maxSourcePixels(), p.maxSourceSide(),
                p.maxDecodedPixels(), p.maxStoredLongSide(), p.legibleLongSide(), p.smallShortSide(),
                p.concurrentDecodes()));
    }
}
