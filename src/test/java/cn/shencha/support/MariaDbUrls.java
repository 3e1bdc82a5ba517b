package cn.shencha.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The test database's JDBC URL as application-mariadb.properties resolves it (SHENCHA_TEST_DB_URL or the default). */
public final class MariaDbUrls {

    private MariaDbUrls() {
    }

    public static String testUrl() {
        try {
            Properties mariadb = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-mariadb.properties"));
            return new StandardEnvironment().resolveRequiredPlaceholders(mariadb.getProperty("spring.datasource.url"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "host:port" of the URL. */
    public static String hostAndPort(String url) {
        String afterScheme = url.substring(url.indexOf("//") + 2);
        return afterScheme.substring(0, afterScheme.indexOf('/'));
    }

    public static String withHostAndPort(String url, String hostAndPort) {
        return url.replaceFirst("//[^/]+/", "//" + hostAndPort + "/");
    }

    /** The same URL (server, parameters) on another database. */
    public static String withDatabase(String url, String database) {
        return url.replaceFirst("//([^/]+)/[^?]*", "//$1/" + database);
    }

    /** The database name of a URL. */
    public static String database(String url) {
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * A second database next to the test database ({@code shencha_test2} beside {@code shencha_test}), for a test that
     * needs an empty one of its own (it drops and creates it, and drops it when done).
     */
    public static String scratchDatabase() {
        return database(testUrl()) + "2";
    }
}
