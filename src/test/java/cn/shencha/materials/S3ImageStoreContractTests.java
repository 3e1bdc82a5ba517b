package cn.shencha.materials;

import cn.shencha.support.S3ProxyExtension;
import cn.shencha.support.ShenchaSpringTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The store contract on the S3 store, against S3Proxy (signatures checked): stopping the server breaks it. */
@ShenchaSpringTest
class S3ImageStoreContractTests extends ImageStoreContract {

    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        s3.springProperties("shencha-contract").forEach((name, value) -> registry.add(name, () -> value));
    }

    @Override
    void breakStore() {
        s3.stop();
    }

    @Override
    void mendStore() {
        s3.start();
    }
}
