package com.livegov.governance.decisions.checks;

import java.io.StringReader;
import java.util.List;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

import com.livegov.governance.decisions.DecisionEngine;
import com.livegov.governance.decisions.PublishedDecision;
import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * The draft compiles the way the catalog compiles a version. When it does not, the engine's messages are read again
 * one by one, so each error is its own finding.
 */
final class CompileCheck {

    /** The compiled draft, or null with what the engine said. */
    record Result(PublishedDecision compiled, List<Finding> findings) {
    }

    private CompileCheck() {
    }

    static Result compile(String name, String xml) {
        try {
            return new Result(DecisionEngine.compile("draft of " + name, xml), List.of());
        } catch (RuntimeException refused) {
            List<Finding> findings = errors(xml);
            return new Result(null, findings.isEmpty() ? List.of(finding(describe(refused), null)) : findings);
        }
    }

    private static List<Finding> errors(String xml) {
        try {
            DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                    .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml)).setSourcePath("draft.dmn")))
                    .getOrElseThrow(e -> new IllegalStateException(describe(e), e));
            DMNModel model = runtime.getModels().get(0);
            return model.getMessages(DMNMessage.Severity.ERROR).stream().map(message -> finding(message.getText(), message.getSourceId())).toList();
        } catch (RuntimeException e) {
            return List.of(finding(describe(e), null));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Finding finding(String text, String element) {
        return new Finding(Check.COMPILE, "compileError", List.of(String.valueOf(text)), element);
    }
}
