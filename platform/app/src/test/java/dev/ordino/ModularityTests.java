package dev.ordino;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    /** The plugin API is its own artifact, shared by every feature, not the inside of the plugin host. */
    private final ApplicationModules modules = ApplicationModules.of(OrdinoApplication.class,
            resideInAPackage("dev.ordino.plugin.api.."));

    @Test
    void featuresOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }
}
