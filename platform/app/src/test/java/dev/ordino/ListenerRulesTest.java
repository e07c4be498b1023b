package dev.ordino;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;

/**
 * The listener rules of decision 006, checked over every component in main code: work after a
 * commit runs on its own thread in its own transaction, so no plugin call ever runs on the thread
 * that committed (holding its connection while the registry marks the publication complete); a
 * synchronous listener runs inside the publisher's transaction and so never reaches a plugin.
 */
class ListenerRulesTest {

    private static final String PLUGIN_HOST = "dev.ordino.plugin.";
    private static final String PLUGIN_API = "dev.ordino.plugin.api.";

    @Test
    void everyAfterCommitListenerRunsOnItsOwnThreadInItsOwnTransaction() {
        List<String> broken = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Method method : listenerMethods()) {
            MergedAnnotations annotations = MergedAnnotations.from(method);
            if (!annotations.isPresent(TransactionalEventListener.class)) {
                continue;
            }
            checked.add(name(method));
            MergedAnnotation<Transactional> transactional = annotations.get(Transactional.class);
            boolean ownTransaction = transactional.isPresent()
                    && transactional.getEnum("propagation", Propagation.class) == Propagation.REQUIRES_NEW;
            if (!annotations.isPresent(Async.class) || !ownTransaction) {
                broken.add(name(method));
            }
        }
        // The two registry-backed listeners of today: the rule is checked over something real.
        assertThat(checked).contains("ProviderQueue.on(OrderPaid)", "NotificationRecorder.on(OrderPlaced)");
        assertThat(broken).as("after-commit listeners without @Async and @Transactional(REQUIRES_NEW) "
                + "(use @ApplicationModuleListener, or spell both out to name an executor)").isEmpty();
    }

    @Test
    void synchronousListenersOfOurEventsNeverReachAPlugin() {
        List<String> broken = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Method method : listenerMethods()) {
            MergedAnnotations annotations = MergedAnnotations.from(method);
            boolean ourEvent = method.getParameterCount() == 1
                    && method.getParameterTypes()[0].getName().startsWith("dev.ordino.");
            if (annotations.isPresent(TransactionalEventListener.class) || !ourEvent) {
                continue;
            }
            checked.add(name(method));
            for (Constructor<?> constructor : method.getDeclaringClass().getDeclaredConstructors()) {
                Arrays.stream(constructor.getParameterTypes()).map(Class::getName)
                        .filter(type -> type.startsWith(PLUGIN_HOST) || type.startsWith(PLUGIN_API))
                        .forEach(type -> broken.add(name(method) + " through " + type));
            }
        }
        assertThat(checked).contains("WalletService.on(AccountCreated)", "OrderUpdates.on(OrderPaid)");
        assertThat(broken).as("synchronous listeners run inside the publisher's transaction; plugin calls "
                + "belong after the commit").isEmpty();
    }

    private static List<Method> listenerMethods() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        List<Method> methods = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ordino")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ListenerRulesTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (MergedAnnotations.from(method).isPresent(EventListener.class)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).reduce((a, b) -> a + ", " + b).orElse("")
                + ")";
    }
}
