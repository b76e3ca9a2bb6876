package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Only jBPM's two false reports about a boundary timer's unset variable are dropped, nothing else. */
class UnsetDeadlineNoiseTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();

    @BeforeEach
    void logIntoAList() {
        written.setContext(context);
        written.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(written);
        new UnsetDeadlineNoise().installIn(context);
    }

    @Test
    void theResolversErrorAndTheFiltersTimerWarningAreDropped() {
        context.getLogger(UnsetDeadlineNoise.RESOLVER_LOGGER).error(UnsetDeadlineNoise.RESOLVER_MESSAGE, "level1Deadline");
        context.getLogger(UnsetDeadlineNoise.FILTER_LOGGER).warn(UnsetDeadlineNoise.FILTER_MESSAGE, "level1Deadline",
                "Timer-Task_Level1Approval-#{level1Deadline}-Timer_Level1Deadline");

        assertThat(written.list).isEmpty();
    }

    @Test
    void everythingElseOfTheSameLoggersIsKept() {
        Logger resolver = context.getLogger(UnsetDeadlineNoise.RESOLVER_LOGGER);
        Logger filter = context.getLogger(UnsetDeadlineNoise.FILTER_LOGGER);

        resolver.error("Process instance {} failed", "p-1");
        resolver.warn(UnsetDeadlineNoise.RESOLVER_MESSAGE, "level1Deadline");
        filter.warn(UnsetDeadlineNoise.FILTER_MESSAGE, "customer", "Message-#{customer}");
        context.getLogger("com.example.Other").error(UnsetDeadlineNoise.RESOLVER_MESSAGE, "level1Deadline");

        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Process instance p-1 failed",
                "Could not find variable scope for variable level1Deadline",
                "expression customer in dynamic signal Message-#{customer} not resolved",
                "Could not find variable scope for variable level1Deadline");
    }

    @Test
    void installingTwiceAddsOneFilter() {
        new UnsetDeadlineNoise().installIn(context);

        assertThat(context.getTurboFilterList()).hasSize(1);
    }
}
