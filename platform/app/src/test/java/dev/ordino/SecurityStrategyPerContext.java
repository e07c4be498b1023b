package dev.ordino;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several application contexts live in one test JVM (the shared one, the running server, a store
 * in another currency). Each installs its own security-context strategy bean (Vaadin's) into
 * Spring Security's global holder as it starts, while its method security keeps using that bean.
 * Before each test, the strategy of that test's context is put back, so
 * {@code SecurityContextHolder} and the context's {@code @PreAuthorize} checks agree whichever
 * context started last.
 */
public class SecurityStrategyPerContext extends AbstractTestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
