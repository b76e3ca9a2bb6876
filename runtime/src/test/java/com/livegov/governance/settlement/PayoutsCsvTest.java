package com.livegov.governance.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class PayoutsCsvTest {

    private static final OffsetDateTime HR_AT = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final OffsetDateTime DIRECTOR_AT = OffsetDateTime.of(2026, 11, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Payout payout(String streamerId) {
        MonthlyFigures figures = new MonthlyFigures(new BigDecimal("100000"), new BigDecimal("80000"), new BigDecimal("10000"), null);
        Payout.Split split = new Payout.Split(new BigDecimal("0.18"), new BigDecimal("18000.00"), true, new BigDecimal("0.32"),
                new BigDecimal("6400.00"), new BigDecimal("0.06"), new BigDecimal("600.00"), false, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("25000.00"));
        return new Payout(streamerId, "KEY", 11, figures, split, 7, "v1", List.of("Rule_Key"));
    }

    private static SettlementView settlement(String status, boolean directorRequired, Payout... payouts) {
        return new SettlementView("2026-10", "p-1", status, "hanna", HR_AT, payouts.length, new BigDecimal("25000.00"),
                new BigDecimal("25000.00"), new SettlementView.HrReview("helga", HR_AT, true, "ok"),
                new SettlementView.DirectorApproval(directorRequired, directorRequired ? "LARGE_MONTHLY_TOTAL" : "WITHIN_HR_AUTHORITY", 8L, "v2",
                        directorRequired ? "dora" : null, directorRequired ? DIRECTOR_AT : null, directorRequired ? true : null, null),
                DIRECTOR_AT, List.of(payouts), List.of());
    }

    @Test
    void everyComponentAsTheDecisionGaveItAndWhoApprovedWhenInUtc() {
        List<String> lines = PayoutsCsv.of(settlement("APPROVED", true, payout("key-1"))).lines().toList();

        assertThat(lines).containsExactly(PayoutsCsv.HEADER,
                "key-1,KEY,18000.00,6400.00,600.00,0,25000.00,v1,helga,2026-11-02T01:30Z,dora,2026-11-03T10:00Z");
    }

    @Test
    void directorColumnsSayNotRequiredWhenHrAloneApproved() {
        assertThat(PayoutsCsv.of(settlement("APPROVED", false, payout("key-1"))))
                .contains(",helga,2026-11-02T01:30Z,not required,not required\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrFormulaCharactersAreQuoted() {
        String csv = PayoutsCsv.of(settlement("APPROVED", false, payout("a,b"), payout("say \"hi\""), payout("=cmd")));

        assertThat(csv).contains("\"a,b\",KEY,").contains("\"say \"\"hi\"\"\",KEY,").contains("'=cmd,KEY,");
    }

    @Test
    void onlyApprovedSettlementsAreExported() {
        assertThatThrownBy(() -> PayoutsCsv.of(settlement("AWAITING_DIRECTOR", true, payout("key-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
