package cn.shencha;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (docs/architecture.md): every top-level package under cn.shencha is a module; a module
 * uses another only through its API (the package's root types and its named interfaces), and no modules form a
 * cycle. The documentation goes to target/spring-modulith-docs; docs/modules/ is a copy made on request.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * PlantUML (C4) diagrams of all modules and of each, and a canvas per module (its API, events, beans), into
     * target/spring-modulith-docs. The copy under docs/modules/ is refreshed by hand (docs/architecture.md).
     */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
