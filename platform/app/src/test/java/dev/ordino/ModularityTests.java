package dev.ordino;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The diagram is written under target/, never into the tree; the committed copy must match it. */
    static final Path WRITTEN = Path.of("target", "modules");
    static final Path COMMITTED = Path.of("..", "..", "docs", "modules", "components.puml");

    /** The plugin API is its own artifact, shared by every feature, not the inside of the plugin host. */
    private final ApplicationModules modules = ApplicationModules.of(OrdinoApplication.class,
            resideInAPackage("dev.ordino.plugin.api.."));

    /**
     * No cycles, no use of another module's internals, and only the dependencies (and the named
     * interfaces of base) each module declares in its {@code package-info.java}.
     */
    @Test
    void featuresOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void theCommittedModuleDiagramShowsTheModulesAsTheyAre() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString())).writeModulesAsPlantUml();
        String written = Files.readString(WRITTEN.resolve("components.puml"));
        assertThat(COMMITTED).as("the module diagram is committed; copy %s to %s",
                WRITTEN.resolve("components.puml"), COMMITTED.normalize()).exists();
        // Line by line in any order: the writer lists modules and arrows in no fixed order.
        assertThat(Files.readAllLines(COMMITTED)).as("the modules changed; copy %s to %s and commit it",
                WRITTEN.resolve("components.puml"), COMMITTED.normalize())
                .containsExactlyInAnyOrderElementsOf(written.lines().toList());
    }
}
