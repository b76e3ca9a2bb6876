package com.livegov.governance.taskcontext;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.model.Comment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments of a task, through Kogito's user-task service. The author of a new comment is the viewer's
 * login, never a request parameter; {@link TaskCommentAudit} records it in the audit trail.
 */
@Component
class TaskComments {

    /**
     * The longest comment: Kogito's JPA store keeps comments in {@code jbpm_user_tasks_comments.comment},
     * a {@code varchar(1000)} (its migration V1.0.2); a longer one would fail in the database.
     */
    static final int MAX_LENGTH = 1000;

    private final UserTaskService userTasks;
    private final VisibleTasks tasks;

    TaskComments(UserTaskService userTasks, VisibleTasks tasks) {
        this.userTasks = userTasks;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public List<TaskContext.Comment> of(String taskId, TaskViewer viewer) {
        tasks.require(taskId, viewer);
        return listed(taskId, viewer);
    }

    List<TaskContext.Comment> listed(String taskId, TaskViewer viewer) {
        return userTasks.getComments(taskId, VisibleTasks.identity(viewer)).stream()
                .map(TaskComments::view)
                .sorted(Comparator.comparing(TaskContext.Comment::at, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional
    public TaskContext.Comment add(String taskId, TaskViewer viewer, String text) {
        tasks.require(taskId, viewer);
        check(text);
        Comment comment = new Comment(null, viewer.user());
        comment.setContent(text);
        return userTasks.addComment(taskId, comment, VisibleTasks.identity(viewer)).map(TaskComments::view)
                .orElseThrow(() -> new TaskNotFound(taskId));
    }

    static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new CommentRefused("The comment is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new CommentRefused("The comment has " + length + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new CommentRefused("The comment contains a NUL character");
        }
    }

    private static TaskContext.Comment view(Comment comment) {
        Instant at = comment.getUpdatedAt() == null ? null : comment.getUpdatedAt().toInstant();
        return new TaskContext.Comment(comment.getId(), comment.getUpdatedBy(), at, comment.getContent());
    }
}
