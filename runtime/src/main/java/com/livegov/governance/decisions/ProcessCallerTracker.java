package com.livegov.governance.decisions;

import java.util.ArrayDeque;
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

    private static final ThreadLocal<Deque<DecisionCaller>> CALLERS = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public void beforeNodeTriggered(ProcessNodeTriggeredEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        CALLERS.get().push(DecisionCaller.process(instance.getProcessId(), instance.getStringId()));
    }

    @Override
    public void afterNodeTriggered(ProcessNodeTriggeredEvent event) {
        Deque<DecisionCaller> callers = CALLERS.get();
        callers.poll();
        if (callers.isEmpty()) {
            CALLERS.remove();
        }
    }

    /** The process instance running on this thread, or an unknown process caller. */
    static DecisionCaller current() {
        DecisionCaller caller = CALLERS.get().peek();
        return caller != null ? caller : new DecisionCaller("PROCESS", "unknown", null);
    }
}
