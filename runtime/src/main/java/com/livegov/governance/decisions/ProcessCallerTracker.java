package com.livegov.governance.decisions;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;

import org.kie.api.event.process.ProcessNodeTriggeredEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Knows which process instance is executing on this thread, so that an evaluation made by a business-rule
 * task is recorded with that instance as its caller. Kogito triggers nodes synchronously and nested, hence a
 * stack per thread.
 */
@Component
class ProcessCallerTracker extends DefaultKogitoProcessEventListener {

    /** A process instance at work on this thread, and its business time: when it started. */
    private record Running(DecisionCaller caller, Instant startedAt) {
    }

    private static final ThreadLocal<Deque<Running>> CALLERS = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public void beforeNodeTriggered(ProcessNodeTriggeredEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        Date started = instance.getStartDate();
        CALLERS.get().push(new Running(DecisionCaller.process(instance.getProcessId(), instance.getStringId()),
                started != null ? started.toInstant() : Instant.now()));
    }

    @Override
    public void afterNodeTriggered(ProcessNodeTriggeredEvent event) {
        Deque<Running> callers = CALLERS.get();
        callers.poll();
        if (callers.isEmpty()) {
            CALLERS.remove();
        }
    }

    /** The process instance running on this thread, or an unknown process caller. */
    static DecisionCaller current() {
        Running running = CALLERS.get().peek();
        return running != null ? running.caller() : new DecisionCaller("PROCESS", "unknown", null);
    }

    /** When the process instance running on this thread started (now when none is known). */
    static Instant businessTime() {
        Running running = CALLERS.get().peek();
        return running != null ? running.startedAt() : Instant.now();
    }
}
