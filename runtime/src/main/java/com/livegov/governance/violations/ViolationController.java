package com.livegov.governance.violations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The violation record: the report and its evidence, the severity decision (evaluation and table version),
 * the measures, the fine, every approval requested and how it ended, and the outcome. Reports are made by
 * starting the process ({@code POST /violationEscalation}).
 */
@RestController
@RequestMapping("/violations")
class ViolationController {

    private final ViolationRecords records;

    ViolationController(ViolationRecords records) {
        this.records = records;
    }

    @GetMapping("/{violationId}")
    Violation violation(@PathVariable String violationId) {
        return records.find(violationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No violation " + violationId));
    }
}
