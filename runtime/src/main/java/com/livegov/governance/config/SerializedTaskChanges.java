package com.livegov.governance.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import org.kie.kogito.usertask.UserTaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes of one user task, one after the other: before Kogito's task service changes a task (a transition, its
 * inputs or outputs, a comment, an attachment), the task's row is locked in the caller's transaction.
 *
 * <p>Kogito's JPA task store reads a task's metadata, inputs and outputs lazily, one table at a time, and deletes and
 * re-inserts them on every change: a request that read a task while another completed it saw the task without its
 * metadata and failed (500, {@code NullPointerException} in Kogito's work-item listener). With the lock, the later
 * request waits for the earlier to commit, then finds the task ended (409, see {@code inbox/TaskRequestErrors}).
 */
@Component
class SerializedTaskChanges implements BeanPostProcessor {

    private static final Set<String> CHANGES = Set.of("transition", "setOutputs", "setInputs", "addComment", "updateComment",
            "removeComment", "addAttachment", "updateAttachment", "removeAttachment");

    private final ObjectProvider<JdbcTemplate> jdbc;

    SerializedTaskChanges(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof UserTaskService service)) {
            return bean;
        }
        return Proxy.newProxyInstance(UserTaskService.class.getClassLoader(), new Class<?>[] { UserTaskService.class },
                (proxy, method, arguments) -> {
                    lockIfChange(method, arguments);
                    try {
                        return method.invoke(service, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void lockIfChange(Method method, Object[] arguments) {
        if (CHANGES.contains(method.getName()) && arguments != null && arguments.length > 0 && arguments[0] instanceof String taskId
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.getObject().query("select id from public.jbpm_user_tasks where id = ? for update", rows -> { }, taskId);
        }
    }
}
