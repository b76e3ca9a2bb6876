package com.livegov.governance.decisiontables;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.livegov.governance.decisions.checks.Finding;
import com.livegov.governance.decisions.checks.VersionDiff;
import com.livegov.governance.decisions.versions.DecisionChangeRefused;
import com.livegov.governance.workbench.Times;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the decision-table pages say about checks, differences and refusals, in the reader's language
 * ({@code ${@decisionWords.finding(f)}} in a template): a finding is {@code decisionCheck.<code>}, a difference
 * {@code decisionDiff.<code>}, a refusal {@code decisionVersion.<code>}, each with its arguments. A code without a
 * message is shown as its code and arguments, never as a missing-message marker.
 */
@Component("decisionWords")
public class DecisionWords {

    private final MessageSource messages;
    private final Times times;

    DecisionWords(MessageSource messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    /** An instant the what-if gives as ISO text, as the workbench shows times; the text as it is when it is not one. */
    public String instant(String text) {
        try {
            return text == null ? "" : times.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    public String finding(Finding finding) {
        return word(finding.messageKey(), finding.args());
    }

    public String change(VersionDiff.Change change) {
        return word(change.messageKey(), change.args());
    }

    /** A refusal's words ({@code decisionVersion.<code>} with its argument as {0}); its code when it has no message. */
    public String refusal(DecisionChangeRefused refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] arguments = refusal.argument() == null ? new Object[0] : new Object[] {refusal.argument()};
        return messages.getMessage(refusal.messageKey(), arguments, refusal.code(), locale);
    }

    /** The checks, in the order they run. */
    public List<Finding.Check> checks() {
        return List.of(Finding.Check.values());
    }

    /** The name of a check ({@code decisionTables.check.ANALYSIS}). */
    public String check(Finding.Check check) {
        return messages.getMessage("decisionTables.check." + check.name(), null, check.name(), LocaleContextHolder.getLocale());
    }

    private String word(String key, List<String> args) {
        Object[] arguments = args == null ? new Object[0] : args.toArray();
        String fallback = key + (arguments.length == 0 ? "" : " " + String.join(", ", args));
        return messages.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
    }
}
