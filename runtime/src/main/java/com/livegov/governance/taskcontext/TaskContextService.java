package com.livegov.governance.taskcontext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.livegov.governance.history.ProcessEvent;
import com.livegov.governance.history.ProcessHistory;
import org.kie.kogito.usertask.view.UserTaskView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task page's "what is being decided": a task's context for a viewer who may see the task (else nothing).
 * The page controller calls {@link #contextOf}; comments go through {@link #comments} and {@link #addComment}.
 */
@Service
public class TaskContextService {

    private final VisibleTasks tasks;
    private final TaskComments comments;
    private final LiveInstances live;
    private final ProcessHistory history;
    private final ProcessDiagrams diagrams;
    private final TaskDueTimes dueTimes;
    private final JdbcTemplate jdbc;
    private final Map<String, TaskContextSource> sources = new HashMap<>();
    private final Clock clock;

    @Autowired
    TaskContextService(VisibleTasks tasks, TaskComments comments, LiveInstances live, ProcessHistory history, ProcessDiagrams diagrams,
            TaskDueTimes dueTimes, JdbcTemplate jdbc, List<TaskContextSource> sources) {
        this(tasks, comments, live, history, diagrams, dueTimes, jdbc, sources, Clock.systemUTC());
    }

    TaskContextService(VisibleTasks tasks, TaskComments comments, LiveInstances live, ProcessHistory history, ProcessDiagrams diagrams,
            TaskDueTimes dueTimes, JdbcTemplate jdbc, List<TaskContextSource> sources, Clock clock) {
        this.tasks = tasks;
        this.comments = comments;
        this.live = live;
        this.history = history;
        this.diagrams = diagrams;
        this.dueTimes = dueTimes;
        this.jdbc = jdbc;
        this.clock = clock;
        for (TaskContextSource source : sources) {
            for (String processId : source.processIds()) {
                TaskContextSource before = this.sources.putIfAbsent(processId, source);
                if (before != null) {
                    throw new IllegalStateException("Two task context sources for process " + processId + ": "
                            + before.getClass().getSimpleName() + " and " + source.getClass().getSimpleName());
                }
            }
        }
    }

    /** The task's context, when the task exists and the viewer may see it (Kogito's rule); empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<TaskContext> contextOf(String taskId, TaskViewer viewer) {
        return tasks.find(taskId, viewer).map(task -> assemble(task, viewer));
    }

    /** The task's comments, oldest first. */
    public List<TaskContext.Comment> comments(String taskId, TaskViewer viewer) {
        return comments.of(taskId, viewer);
    }

    /**
     * Adds a comment as the viewer (the author is always the login).
     *
     * @throws TaskNotFound when the task does not exist or the viewer may not see it
     * @throws CommentRefused when the text is empty or too long; nothing is added
     */
    public TaskContext.Comment addComment(String taskId, TaskViewer viewer, String text) {
        return comments.add(taskId, viewer, text);
    }

    private TaskContext assemble(UserTaskView task, TaskViewer viewer) {
        String processId = metadata(task, "ProcessId");
        String processInstanceId = metadata(task, "ProcessInstanceId");
        Optional<LiveInstances.Live> running = live.read(processId, processInstanceId);
        List<ProcessEvent> events = processInstanceId == null ? List.of() : history.ofProcessInstance(processInstanceId);
        TaskContextSource.TaskFacts facts = new TaskContextSource.TaskFacts(task.getId(), task.getTaskName(), task.getUserTaskId(),
                processId, processInstanceId, task.getActualOwner(), task.getInputs(),
                running.map(LiveInstances.Live::variables).orElse(Map.of()));
        TaskContextSource source = sources.get(processId);
        TaskDetails details = source == null ? new TaskDetails.None() : source.details(facts);

        TaskContext.Summary summary = new TaskContext.Summary(task.getId(), task.getTaskName(), task.getUserTaskId(), processId,
                processInstanceId, task.getStatus() == null ? null : task.getStatus().getName(), task.getActualOwner(),
                sorted(task.getPotentialGroups()), sorted(task.getPotentialUsers()), createdAt(processInstanceId, task.getId()));
        String nodeInstanceId = metadata(task, "NodeInstanceId");
        List<String> chain = running.map(instance -> instance.nodeInstanceChain(nodeInstanceId))
                .orElse(nodeInstanceId == null ? List.of() : List.of(nodeInstanceId));
        Instant now = clock.instant();
        TaskContext.Deadline deadline = processInstanceId == null ? null
                : dueTimes.dueTime(processInstanceId, task.getId(), chain).map(due -> TaskContext.Deadline.of(due, now)).orElse(null);
        TaskContext.Diagram diagram = new TaskContext.Diagram(processId, diagrams.bpmn(processId).orElse(null), task.getUserTaskId(),
                ProcessDiagrams.passed(events), running.map(LiveInstances.Live::activeElementIds).orElse(List.of()));
        List<TaskContext.TimelineEvent> timeline = events.stream().map(TaskContextService::timelineEvent).toList();
        return new TaskContext(summary, deadline, details, diagram, timeline, comments.listed(task.getId(), viewer));
    }

    /** When the task was created: its first recorded event. */
    private Instant createdAt(String processInstanceId, String taskId) {
        history.flush();
        OffsetDateTime first = jdbc.queryForObject("""
                select min(occurred_at) from governance.process_events where process_instance_id = ? and node_instance_id = ?""",
                OffsetDateTime.class, processInstanceId, taskId);
        return first == null ? null : first.toInstant();
    }

    private static TaskContext.TimelineEvent timelineEvent(ProcessEvent event) {
        return new TaskContext.TimelineEvent(event.occurredAt() == null ? null : event.occurredAt().toInstant(), event.eventType(),
                event.nodeId(), event.nodeName(), event.actor());
    }

    private static String metadata(UserTaskView task, String key) {
        Object value = task.getMetadata() == null ? null : task.getMetadata().get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values == null ? List.of() : List.copyOf(new TreeSet<>(values));
    }
}
