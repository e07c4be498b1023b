package dev.ordino.base.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The tests run with {@code ordino.jobs.enabled=false} and drive the jobs themselves. */
@OrdinoTest
class JobScheduleTest {

    @Autowired
    ObjectProvider<ScheduledTaskHolder> schedulers;

    @Test
    void with_jobs_turned_off_nothing_runs_on_a_schedule() {
        // a library that enables @Scheduled on its own (Spring Modulith's moments did) would start them anyway
        assertThat(schedulers.stream().flatMap(s -> s.getScheduledTasks().stream()).map(Object::toString)).isEmpty();
    }
}
