package com.livegov.governance.performance;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.livegov.governance.offboarding.StreamerOffboarding;
import org.kie.kogito.Model;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts the offboarding a negotiated end agrees on: departure now, for {@code MUTUAL_AGREEMENT}, initiated by the HR
 * user who chose it, with the figures HR entered for the offboarding terms. It runs in the step's transaction: when the
 * offboarding cannot start, HR's choice is not kept either.
 */
@Component
class NegotiatedEnd {

    /** What HR entered for the offboarding terms. */
    record Terms(Double averageMonthlyIncome, Double annualRevenue, Integer requestedNonCompeteMonths, String ipInvestment) {
    }

    private final ObjectProvider<Processes> processes;

    NegotiatedEnd(ObjectProvider<Processes> processes) {
        this.processes = processes;
    }

    /** Starts the offboarding and answers its id. */
    String start(String streamerId, String decidedBy, Terms terms) {
        Map<String, Object> departure = new HashMap<>();
        departure.put("streamerId", streamerId);
        departure.put("departureTime", Instant.now().toString());
        departure.put("departureReason", PerformanceAssessment.MUTUAL_AGREEMENT);
        departure.put("initiatedBy", decidedBy);
        departure.put("averageMonthlyIncome", terms.averageMonthlyIncome());
        departure.put("annualRevenue", terms.annualRevenue());
        departure.put("requestedNonCompeteMonths", terms.requestedNonCompeteMonths());
        departure.put("ipInvestment", terms.ipInvestment());
        org.kie.kogito.process.Process<? extends Model> offboarding = processes.getObject().processById(StreamerOffboarding.PROCESS_ID);
        Model model = offboarding.createModel();
        model.update(departure);
        ProcessInstance<? extends Model> instance = offboarding.createInstance(model);
        instance.start();
        return instance.checkError().id();
    }
}
