package com.livegov.governance.taskcontext;

import java.util.List;

/**
 * The codes of the form check's refusals (inbox's {@code TaskForms.FieldError#code}); the task page turns each
 * into words with {@code task.error.<code>}.
 */
final class TaskErrorCodes {

    static final List<String> ALL = List.of("required", "notAField", "notAChoice", "notANumber", "tooSmall", "tooLarge", "wholeNumber",
            "tooManyDecimals", "notABoolean", "notText", "tooShort", "tooLong", "notAList", "invalid");

    private TaskErrorCodes() {
    }
}
