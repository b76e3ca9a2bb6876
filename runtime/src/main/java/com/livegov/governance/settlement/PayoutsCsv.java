package com.livegov.governance.settlement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The approved payouts of a month as CSV (RFC 4180, comma-separated, CRLF): one line per streamer with every
 * commission component exactly as the decision gave it, the decision version, and who approved when.
 */
final class PayoutsCsv {

    static final String HEADER = "streamer,tier,base,excess,traffic_contribution,dividend,total,decision_version,"
            + "hr_approved_by,hr_approved_at,director_approved_by,director_approved_at";
    static final String NOT_REQUIRED = "not required";

    private PayoutsCsv() {
    }

    static String of(SettlementView settlement) {
        if (!settlement.isApproved()) {
            throw new IllegalArgumentException("Only approved payouts are exported");
        }
        SettlementView.HrReview hr = settlement.hrReview();
        SettlementView.DirectorApproval director = settlement.directorApproval();
        boolean directorRequired = Boolean.TRUE.equals(director.required());
        String directorBy = directorRequired ? director.decidedBy() : NOT_REQUIRED;
        String directorAt = directorRequired ? time(director.decidedAt()) : NOT_REQUIRED;
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Payout payout : settlement.payouts()) {
            Payout.Split split = payout.split();
            csv.append(line(payout.streamerId(), payout.tier(), split.baseAmount().toPlainString(), split.excessAmount().toPlainString(),
                    split.trafficAmount().toPlainString(), split.dividendAmount().toPlainString(), split.total().toPlainString(),
                    payout.decisionVersion(), hr.reviewedBy(), time(hr.reviewedAt()), directorBy, directorAt)).append("\r\n");
        }
        return csv.toString();
    }

    private static String line(String... cells) {
        return Stream.of(cells).map(PayoutsCsv::cell).collect(Collectors.joining(","));
    }

    /** Quotes a cell that holds a comma, a quote or a line break; a cell a spreadsheet would run as a formula is quoted with a leading apostrophe. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String time(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
}
