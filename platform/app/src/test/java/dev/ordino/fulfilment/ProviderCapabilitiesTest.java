package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which provider plugin the host picks is decided by what the plugins say of themselves, never by
 * their ids: the demo shop gets the one that declares itself simulated, staff adding a provider are
 * offered a real one first.
 */
@OrdinoTest
class ProviderCapabilitiesTest {

    @Autowired
    ProviderInstances instances;
    @Autowired
    Actors actors;

    @Test
    void theDemoShopGetsTheSimulatedProviderAndStaffAreOfferedARealOne() {
        assertThat(instances.simulatedPlugin()).as("provider-demo declares itself simulated").hasValue("provider-demo");
        assertThat(actors.asAdmin(() -> instances.suggestedPlugin())).as("the real panel before the simulation")
                .hasValue("provider-smm-v2");
    }
}
