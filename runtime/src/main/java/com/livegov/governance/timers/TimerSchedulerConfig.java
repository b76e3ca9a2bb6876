package com.livegov.governance.timers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.process.Processes;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.kie.kogito.usertask.UserTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Wires the durable timer service: one db-scheduler task for every Kogito timer, a scheduler that polls the
 * shared table, and the {@link JobsService} Kogito uses instead of its in-memory one. The same scheduler runs
 * every {@link RecurringTask} bean of the application (the quarterly review, the monthly settlement): one
 * stable id each, so replicas sharing the database run a firing once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimerProperties.class)
class TimerSchedulerConfig {

    static final String TASK_NAME = "kogito-timer";

    @Bean
    TimerFiring timerFiring(ObjectProvider<Processes> processes, ObjectProvider<UserTasks> userTasks, UnitOfWorkManager unitOfWork) {
        return new TimerFiring(processes, userTasks, unitOfWork);
    }

    @Bean
    Task<TimerJob> kogitoTimerTask(TimerFiring firing, TimerProperties properties) {
        return Tasks.custom(TASK_NAME, TimerJob.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay())))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    TimerJob job = instance.getData();
                    firing.fire(job, context.getExecution().executionTime);
                    if (job.repeats()) {
                        TimerJob next = job.afterFiring();
                        return (complete, operations) -> operations.reschedule(complete,
                                next.nextFiring(complete.getTimeDone()), next);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean(destroyMethod = "")
    Scheduler timerScheduler(DataSource dataSource, Task<TimerJob> kogitoTimerTask, ObjectProvider<RecurringTask<?>> schedules,
            TimerProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), kogitoTimerTask)
                .startTasks(schedules.orderedStream().toList())
                .tableName(properties.table())
                .serializer(new JacksonSerializer())
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownWait())
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .build();
    }

    @Bean
    JobsService jobsService(Scheduler timerScheduler, Task<TimerJob> kogitoTimerTask) {
        return new DurableJobsService(timerScheduler, kogitoTimerTask);
    }

    /** Starts polling once every other bean is ready, and stops first on shutdown. */
    @Bean
    SmartLifecycle timerSchedulerLifecycle(Scheduler timerScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                timerScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                timerScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
