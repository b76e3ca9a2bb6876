package com.livegov.governance.decisions.checks;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.builder.Message;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * Drools' decision-table analysis of a draft. What counts is what makes a table wrong whatever its hit policy
 * intends: a gap (some input falls through every rule), an overlap in a table that forbids one (UNIQUE, ANY), a masked
 * rule (it can never win), and an analysis error. Overlaps under PRIORITY, FIRST, COLLECT or RULE ORDER are those
 * policies' purpose; subsumption, normal-form and hit-policy advice are advice: none of these is reported. Drools does
 * not analyse FIRST tables for rules that can never win; the plain cases of that are found here.
 */
final class AnalysisCheck {

    private AnalysisCheck() {
    }

    static List<Finding> analyse(DmnDocument draft, String draftXml) {
        Map<String, DecisionTableView> tables = new HashMap<>();
        draft.elements("decision").forEach(decision -> DecisionTableView.of(decision).ifPresent(table -> tables.put(table.id(), table)));
        if (tables.isEmpty()) {
            return List.of();
        }
        List<DMNMessage> messages;
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            messages = validator.validateUsing(DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(new StringReader(draftXml));
        } catch (RuntimeException failed) {
            return List.of(new Finding(Check.ANALYSIS, "analysisError", List.of("-", String.valueOf(failed.getMessage())), null));
        } finally {
            validator.dispose();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        for (DMNMessage message : messages) {
            DecisionTableView table = tables.get(message.getSourceId());
            String code = codeOf(message, table);
            if (code != null) {
                String decision = table == null ? "-" : table.decision();
                findings.add(new Finding(Check.ANALYSIS, code, List.of(decision, message.getText()), message.getSourceId()));
            }
        }
        tables.values().stream().filter(table -> table.hitPolicy().equals("FIRST"))
                .sorted(java.util.Comparator.comparing(DecisionTableView::decision))
                .forEach(table -> findings.addAll(unreachableUnderFirst(table)));
        return new ArrayList<>(findings);
    }

    /**
     * Under FIRST, a rule whose every input entry an earlier rule matches as well (the earlier entry is "-" or the
     * same text) can never be the first to match. Drools' analysis says nothing of FIRST tables, so this reads the
     * entries as written: it finds the plain cases (a catch-all moved up, a rule repeated), not every one.
     */
    private static List<Finding> unreachableUnderFirst(DecisionTableView table) {
        List<Finding> findings = new ArrayList<>();
        List<DecisionTableView.Rule> rules = table.rules();
        for (int j = 1; j < rules.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (covers(rules.get(i), rules.get(j), table.inputs().size())) {
                    DecisionTableView.Rule hidden = rules.get(j);
                    DecisionTableView.Rule earlier = rules.get(i);
                    findings.add(new Finding(Check.ANALYSIS, "analysisUnreachableRule", List.of(table.decision(),
                            String.valueOf(hidden.position()), hidden.id().isEmpty() ? "-" : hidden.id(),
                            String.valueOf(earlier.position()), earlier.id().isEmpty() ? "-" : earlier.id()),
                            hidden.id().isEmpty() ? table.id() : hidden.id()));
                    break;
                }
            }
        }
        return findings;
    }

    private static boolean covers(DecisionTableView.Rule earlier, DecisionTableView.Rule later, int columns) {
        for (int k = 0; k < columns; k++) {
            String entry = DecisionTableView.cell(earlier.inputEntries(), k).strip();
            if (!entry.isEmpty() && !entry.equals("-") && !entry.equals(DecisionTableView.cell(later.inputEntries(), k).strip())) {
                return false;
            }
        }
        return true;
    }

    /** The finding's code for a message that counts, or null. */
    static String codeOf(DMNMessage message, DecisionTableView table) {
        DMNMessageType type = message.getMessageType();
        String hitPolicy = table == null ? "" : table.hitPolicy();
        boolean forbidsOverlap = hitPolicy.equals("UNIQUE") || hitPolicy.equals("ANY");
        if (type == DMNMessageType.DECISION_TABLE_GAP) {
            return "analysisGap";
        }
        if (type == DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE || type == DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_ANY
                || (type == DMNMessageType.DECISION_TABLE_OVERLAP && forbidsOverlap)) {
            return "analysisOverlap";
        }
        if (type == DMNMessageType.DECISION_TABLE_MASKED_RULE) {
            return "analysisMaskedRule";
        }
        if (type == DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR && message.getLevel() == Message.Level.ERROR) {
            return "analysisError";
        }
        return null;
    }
}
