package com.livegov.governance.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.start.StartChoices.AccountChoice;
import org.junit.jupiter.api.Test;

/** What the start forms make of what was typed: the process's variables, or the fields that are wrong. */
class StartFormsTest {

    private static final AccountChoice SUB_ACCOUNT = new AccountChoice("acc-1", "@lily", "SUB_ACCOUNT", "ACTIVE", "lily", "Lily Chen");

    @Test
    void aSuspensionCarriesItsDaysAndTheAccountKindOfTheChosenAccount() {
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = new AccountActionForm("SUSPEND_LIVE", "MODERATE", "acc-1", " 3 ", "OPERATOR", "acc-2", " diverted viewers ")
                .variables(errors, Optional.of(SUB_ACCOUNT));

        assertThat(errors.isEmpty()).isTrue();
        assertThat(variables).containsEntry("action", "SUSPEND_LIVE").containsEntry("subject", "acc-1")
                .containsEntry("accountKind", "SUB_ACCOUNT").containsEntry("reason", "diverted viewers")
                .containsEntry("parameters", Map.of("suspensionDays", 3));
    }

    @Test
    void anActionWithoutParametersSendsNoneOfTheOtherActionsFields() {
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = new AccountActionForm("ROTATE_STREAM_KEY", "NONE", "acc-1", "3", "OPERATOR", "acc-2", "leaked key")
                .variables(errors, Optional.of(SUB_ACCOUNT));

        assertThat(errors.isEmpty()).isTrue();
        assertThat(variables).containsEntry("parameters", Map.of());
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        FormErrors errors = new FormErrors();
        new AccountActionForm("OPEN_SUB_ACCOUNT", "CATASTROPHIC", "acc-9", "x", null, null, "a".repeat(AccountActionForm.REASON_MAX + 1))
                .variables(errors, Optional.empty());

        assertThat(errors.getFields()).containsOnlyKeys("action", "severity", "subject", "reason");
        assertThat(errors.get("action").key()).isEqualTo("start.error.choice");
        assertThat(errors.get("subject").key()).isEqualTo("start.error.unknownAccount");
        assertThat(errors.get("reason").key()).isEqualTo("start.error.tooLong");
    }

    @Test
    void aSuspensionNeedsWholeDaysAndATransferAnotherAccount() {
        FormErrors days = new FormErrors();
        new AccountActionForm("SUSPEND_LIVE", "MINOR", "acc-1", "1.5", null, null, "why").variables(days, Optional.of(SUB_ACCOUNT));
        assertThat(days.get("suspensionDays").key()).isEqualTo("start.error.wholeNumber");

        FormErrors target = new FormErrors();
        new AccountActionForm("TRANSFER_FANS", "SEVERE", "acc-1", null, null, "acc-1", "why").variables(target, Optional.of(SUB_ACCOUNT));
        assertThat(target.get("targetAccountId").key()).isEqualTo("start.error.sameAccount");
    }

    @Test
    void aDepartureTypedInTheCompanyZoneKeepsThatZonesOffset() {
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = new OffboardingForm("lily", "2026-11-24T14:00", "RESIGNATION", "18", "20000.50", "500000", "COMPANY_FUNDED")
                .variables(errors, ZoneId.of("Asia/Shanghai"));

        assertThat(errors.isEmpty()).isTrue();
        assertThat(variables).containsEntry("departureTime", "2026-11-24T14:00+08:00")
                .containsEntry("requestedNonCompeteMonths", 18)
                .containsEntry("averageMonthlyIncome", new BigDecimal("20000.50"));
    }

    @Test
    void negativeAmountsAndUnreadableTimesAreRefused() {
        FormErrors errors = new FormErrors();
        new OffboardingForm("lily", "tomorrow", "RETIREMENT", "-1", "-5", "abc", "COMPANY_FUNDED").variables(errors, ZoneId.of("UTC"));

        assertThat(errors.getFields()).containsOnlyKeys("departureTime", "departureReason", "requestedNonCompeteMonths",
                "averageMonthlyIncome", "annualRevenue");
        assertThat(errors.get("averageMonthlyIncome").key()).isEqualTo("start.error.notNegative");
        assertThat(errors.get("annualRevenue").key()).isEqualTo("start.error.number");
    }

    @Test
    void aViolationsEvidenceIsItsDescriptionAndAnInteractionDropMayBeNegative() {
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = new ViolationForm("lily", "COMPETITOR_MENTION", "OPERATIONS", "", "named a rival brand on air",
                "0", "-4.5", "1", "0", "0").variables(errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(variables).containsEntry("evidence", Map.of("description", "named a rival brand on air"))
                .containsEntry("interactionDrop", new BigDecimal("-4.5")).containsEntry("sourceReference", null);
    }
}
