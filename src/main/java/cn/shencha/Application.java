package cn.shencha;

import cn.shencha.materials.storage.StorageCopyCommand;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Shencha: online review of the registration materials for the National Physician Qualification Examination. */
@SpringBootApplication
@EnableScheduling
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (StorageCopyCommand.isCommand(args)) { // java -jar shencha.jar copy-images-to-s3: a command, not the app
            System.exit(StorageCopyCommand.run(args));
        }
        SpringApplication.run(Application.class, args);
    }
}
