package com.livegov.governance.violations;

import java.util.Map;

import org.kie.kogito.Model;
import org.kie.kogito.process.MutableProcessInstances;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.ProcessInstanceExecutionException;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a process from inside the application, as its REST start would: the variables typed as the process
 * declares them. Runs in the caller's unit of work. A start that fails leaves no instance behind (Kogito
 * keeps one that failed in its first steps, in error state) and throws Kogito's execution exception, whose
 * causes say why.
 */
@Component
class ProcessStarts {

    private final ObjectProvider<Processes> processes;

    ProcessStarts(ObjectProvider<Processes> processes) {
        this.processes = processes;
    }

    /** Starts the process and answers the new instance's id. */
    String start(String processId, Map<String, Object> variables) {
        Process<? extends Model> process = processes.getObject().processById(processId);
        Model model = process.createModel();
        model.update(variables);
        ProcessInstance<? extends Model> instance = process.createInstance(model);
        try {
            instance.start();
            return instance.checkError().id();
        } catch (ProcessInstanceExecutionException e) {
            if (process.instances() instanceof MutableProcessInstances<?> instances && e.getProcessInstanceId() != null) {
                instances.remove(e.getProcessInstanceId());
            }
            throw e;
        }
    }
}
