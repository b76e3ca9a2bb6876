package com.livegov.governance.config;

import org.kie.kogito.usertask.UserTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finishes start-up: builds Kogito's lazily created user-task container before the first request, and
 * says where the application listens.
 *
 * <p>Kogito 10.1.0 creates its {@code UserTasks} bean on the first request that needs it; several
 * concurrent first requests each create and set it up at once, and its in-memory job service's executor
 * list is not thread-safe ({@code ConcurrentModificationException}). Creating it once every singleton exists, before the
 * server takes traffic, removes that race (and the durable job service does not use the executor list).
 */
@Component
class StartupReport implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<UserTasks> userTasks;

    StartupReport(ObjectProvider<UserTasks> userTasks) {
        this.userTasks = userTasks;
    }

    /** Runs after every singleton exists and before the web server accepts connections. */
    @Override
    public void afterSingletonsInstantiated() {
        userTasks.ifAvailable(tasks -> LOG.info("User tasks stored in {}", tasks.instances().getClass().getSimpleName()));
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            LOG.info("Streamer governance is listening on http://localhost:{} (health: http://localhost:{}/actuator/health)", port, port);
        }
    }
}
