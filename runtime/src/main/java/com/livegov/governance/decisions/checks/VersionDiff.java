package com.livegov.governance.decisions.checks;

import java.util.List;

/**
 * A readable difference between two versions of a model: rules added, removed and changed, cell by cell, and changed
 * literal expressions and hit policies. Each change is a message code ({@code decisionDiff.<code>}) with arguments.
 */
public final class VersionDiff {

    /** One difference, rendered from the message bundles. */
    public record Change(String decision, String code, List<String> args) {
        public String messageKey() {
            return "decisionDiff." + code;
        }
    }

    private VersionDiff() {
    }

    public static List<Change> between(String olderXml, String newerXml) {
        throw new UnsupportedOperationException("VersionDiff is being built");
    }
}
