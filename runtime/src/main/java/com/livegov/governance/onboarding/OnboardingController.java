package com.livegov.governance.onboarding;

import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.StreamerRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A streamer's onboarding as recorded: each draft of the contract terms with its enforceability check (the
 * decision evaluation) and its review, the contract as signed, and the backups named.
 */
@RestController
@RequestMapping("/onboarding")
class OnboardingController {

    private final ContractRecords records;
    private final StreamerRegistry registry;

    OnboardingController(ContractRecords records, StreamerRegistry registry) {
        this.records = records;
        this.registry = registry;
    }

    @GetMapping("/{streamerId}")
    Map<String, Object> onboarding(@PathVariable String streamerId) {
        List<Map<String, Object>> onboardings = records.of(streamerId);
        if (onboardings.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No onboarding of " + streamerId);
        }
        return Map.of("streamerId", streamerId, "status", registry.statusOf(streamerId).orElseThrow(), "onboardings", onboardings,
                "backups", registry.backupsOf(streamerId));
    }
}
