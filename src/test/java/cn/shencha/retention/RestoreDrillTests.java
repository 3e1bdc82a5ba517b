package cn.shencha.retention;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restore drill on the demo's database (an H2 file), the demo profile running. */
class RestoreDrillTests extends RestoreDrillContract {

    @Test
    void theDemoIsBackedUpWipedAndRestoredWithEveryCandidateImageAndOpenTask() throws Exception {
        runDrill();
    }

    private String h2File() {
        return work.resolve("db").resolve("shencha").toString();
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + h2File() + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    @Override
    Map<String, String> drillEnvironment() {
        return Map.of("DRILL_DB", "h2", "H2_FILE", h2File(),
                "H2_JAR", org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    }

    @Override
    void freshDatabase() throws Exception {
        Files.createDirectories(work.resolve("db"));
    }

    @Override
    String appProfiles() {
        return "demo";
    }

    @Override
    String[] seedProfiles() {
        return new String[]{"demo"}; // the demo's own data first (it fills an empty database only), then the drill's
    }

    @Override
    int appPort() {
        return 18110;
    }
}
