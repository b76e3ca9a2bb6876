package com.livegov.governance.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.accounts.PermissionLevel;
import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Compares one grant with the PermissionBaseline decision (HR's table, {@code rules/permission-baseline}): the
 * baseline comes from {@link DecisionService}, which records every evaluation with its version and matched rule.
 * A grant deviates when its level ranks above the expected level, or when it exports data where the baseline does
 * not allow it.
 */
@Component
class BaselineComparison {

    static final String DECISION = "PermissionBaseline";

    private final DecisionService decisions;

    BaselineComparison(DecisionService decisions) {
        this.decisions = decisions;
    }

    Optional<Deviation> compare(ReviewedStreamer streamer, ReviewedStreamer.Grant grant, DecisionCaller caller) {
        DecisionOutcome outcome = decisions.evaluate(DECISION, Map.of("tier", streamer.tier(), "accountKind", grant.accountKind(),
                "accountStatus", grant.accountStatus()), caller);
        Map<?, ?> baseline = (Map<?, ?>) outcome.outputs().get(DECISION);
        String expectedLevel = (String) baseline.get("expectedLevel");
        boolean exportAllowed = Boolean.TRUE.equals(baseline.get("dataExportAllowed"));
        List<String> kinds = new ArrayList<>();
        if (PermissionLevel.valueOf(grant.level()).compareTo(PermissionLevel.valueOf(expectedLevel)) > 0) {
            kinds.add(Deviation.LEVEL_ABOVE_BASELINE);
        }
        if (grant.dataExport() && !exportAllowed) {
            kinds.add(Deviation.DATA_EXPORT_NOT_ALLOWED);
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        if (!"ACTIVE".equals(grant.accountStatus())) {
            kinds.add(Deviation.ACCOUNT_NOT_ACTIVE);
        }
        return Optional.of(new Deviation(streamer, grant, expectedLevel, exportAllowed, List.copyOf(kinds),
                outcome.evaluationId(), outcome.version()));
    }
}
