package dev.ordino.base.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

/** The tests run with {@code ordino.jobs.enabled=false} and drive the jobs themselves. */
@OrdinoTest
class JobScheduleTest {

    /** Jobs that run on every node: they claim their rows, so nodes share the work instead of repeating it. */
    static final Set<String> CLAIMING = Set.of("ProviderJobs.sendDue", "PublicationReplay.onSchedule", "DeliveryJob.scheduled");

    @Autowired
    ObjectProvider<ScheduledTaskHolder> schedulers;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    @Test
    void with_jobs_turned_off_nothing_runs_on_a_schedule() {
        // a library that enables @Scheduled on its own (Spring Modulith's moments did) would start them anyway
        assertThat(schedulers.stream().flatMap(s -> s.getScheduledTasks().stream()).map(Object::toString)).isEmpty();
    }

    @Test
    void everyOtherJobHoldsItsLockForItsPeriodSoItRunsOncePerPeriodAcrossNodes() {
        List<String> jobs = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("dev.ordino.")) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            for (Method method : type.getDeclaredMethods()) {
                Scheduled scheduled = method.getAnnotation(Scheduled.class);
                if (scheduled == null) {
                    continue;
                }
                String job = type.getSimpleName() + "." + method.getName();
                jobs.add(job);
                if (CLAIMING.contains(job)) {
                    continue;
                }
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                assertThat(lock).as(job + " holds a ShedLock lock").isNotNull();
                assertThat(lock.lockAtLeastFor()).as(job + " keeps its lock for the period").isNotBlank();
                if (!scheduled.fixedDelayString().isBlank()) {
                    assertThat(environment.resolvePlaceholders(lock.lockAtLeastFor()))
                            .as(job + " keeps its lock for exactly its period")
                            .isEqualTo(environment.resolvePlaceholders(scheduled.fixedDelayString()));
                }
            }
        }
        assertThat(jobs).contains("ProviderJobs.sweep", "ProviderJobs.syncOrdersOnSchedule", "PaymentJobs.reconcile", "DeliveryLogCleanup.clean")
                .containsAll(CLAIMING);
    }
}
