package com.livegov.governance.config;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps two messages of jBPM out of the log that report nothing wrong.
 *
 * <p>At every signal a process instance receives (each work-item transition while an approval starts, for
 * example), jBPM asks every boundary timer of the process whether the signal is its own, and to answer it resolves
 * the timer's expression, such as {@code #{level1Deadline}}. Until the step that sets the deadline has run, the
 * variable is empty: jBPM then logs an ERROR ("Could not find variable scope for variable level1Deadline") and a WARN
 * ("expression level1Deadline in dynamic signal Timer-… not resolved"), and rightly goes on, as the signal was not
 * the timer's. An approval start logged 16 such lines, every one of them false, and they buried real errors.
 *
 * <p>Only these two messages are dropped, matched on jBPM's exact wording, logger and level; the WARN only for
 * timer signals. A timer whose expression cannot be resolved when the timer is actually created still fails
 * loudly, from another place in jBPM.
 */
@Component
final class UnsetDeadlineNoise extends TurboFilter {

    static final String RESOLVER_LOGGER = "org.jbpm.workflow.instance.impl.WorkflowProcessInstanceImpl";
    static final String RESOLVER_MESSAGE = "Could not find variable scope for variable {}";
    static final String FILTER_LOGGER = "org.jbpm.process.core.event.EventTypeFilter";
    static final String FILTER_MESSAGE = "expression {} in dynamic signal {} not resolved";

    UnsetDeadlineNoise() {
        setName("unset-deadline-noise");
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            installIn(context);
        }
    }

    /** Adds this filter to the logging context, once. */
    void installIn(LoggerContext context) {
        if (context.getTurboFilterList().stream().noneMatch(f -> f instanceof UnsetDeadlineNoise)) {
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (format == null || logger == null) {
            return FilterReply.NEUTRAL;
        }
        if (level == Level.ERROR && RESOLVER_MESSAGE.equals(format) && RESOLVER_LOGGER.equals(logger.getName())) {
            return FilterReply.DENY;
        }
        if (level == Level.WARN && FILTER_MESSAGE.equals(format) && FILTER_LOGGER.equals(logger.getName())
                && params != null && params.length == 2 && String.valueOf(params[1]).startsWith("Timer-")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
