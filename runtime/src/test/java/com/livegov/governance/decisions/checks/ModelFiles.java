package com.livegov.governance.decisions.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The models of the rules module as the tests read them from its jar, and edits of them as drafts. */
final class ModelFiles {

    static final List<String> ALL = List.of("approval-chain/ApprovalChain", "backup-streamers/BackupStreamers",
            "commission-split/CommissionSplit", "offboarding-terms/OffboardingTerms", "partner-profit-split/PartnerProfitSplit",
            "payout-approval/PayoutApproval", "performance-score/PerformanceScore", "permission-baseline/PermissionBaseline", "traffic-alert/TrafficAlert",
            "violation-severity/ViolationSeverity");
    static final String VIOLATION_SEVERITY = "violation-severity/ViolationSeverity";
    static final String COMMISSION_SPLIT = "commission-split/CommissionSplit";

    private ModelFiles() {
    }

    static String xml(String model) {
        return read("/" + model + ".dmn");
    }

    static String examples(String model) {
        return read("/" + model + ".examples.csv");
    }

    /** The text with one exact occurrence replaced; fails when the text does not occur exactly once. */
    static String edit(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("Expected exactly one occurrence of " + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** The text without the rule of that id. */
    static String withoutRule(String xml, String ruleId) {
        int start = xml.indexOf("<rule id=\"" + ruleId + "\">");
        int end = xml.indexOf("</rule>", start) + "</rule>".length();
        if (start < 0) {
            throw new IllegalArgumentException("No rule " + ruleId);
        }
        String before = xml.substring(0, start);
        return before.substring(0, before.length() - (before.length() - before.stripTrailing().length())) + xml.substring(end);
    }

    /** The rule's XML, as it stands in the file. */
    static String rule(String xml, String ruleId) {
        int start = xml.indexOf("<rule id=\"" + ruleId + "\">");
        return xml.substring(start, xml.indexOf("</rule>", start) + "</rule>".length());
    }

    private static String read(String path) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
