package dev.ordino;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(OrdinoApplication.class).verify();
    }
}
