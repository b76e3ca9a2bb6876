package com.livegov.governance.onboarding;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The onboarding record: one row per onboarding, every draft of the contract terms with its enforceability
 * check and review, and the contract as signed. Writes join the process step's transaction.
 */
@Repository
class ContractRecords {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ContractRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void started(String processInstanceId, StreamerProposal streamer) {
        jdbc.update("""
                insert into governance.onboardings (process_instance_id, streamer_id, sub_account_id, initiated_by, started_at)
                values (?, ?, ?, ?, ?)""", processInstanceId, streamer.streamerId(), streamer.subAccountId(), streamer.initiatedBy(),
                OffsetDateTime.now());
    }

    /** Records a checked draft as the next round and returns the round's number. */
    int drafted(String processInstanceId, ContractTerms terms, String draftedBy, EnforceabilityCheck.Verdict verdict) {
        return jdbc.queryForObject("""
                insert into governance.contract_drafts (process_instance_id, round, terms, drafted_by, drafted_at,
                    decision_evaluation_id, enforceable, problems)
                values (?, (select coalesce(max(round), 0) + 1 from governance.contract_drafts where process_instance_id = ?),
                    ?::jsonb, ?, ?, ?, ?, ?)
                returning round""", Integer.class,
                processInstanceId, processInstanceId, toJson(terms.toMap()), draftedBy, OffsetDateTime.now(), verdict.evaluationId(),
                verdict.enforceable(), verdict.problems().toArray(String[]::new));
    }

    /** Records the review of the latest draft. */
    void reviewed(String processInstanceId, String step, boolean approved, String reviewedBy, String comment) {
        int updated = jdbc.update("""
                update governance.contract_drafts set review_step = ?, review_outcome = ?, reviewed_by = ?, review_comment = ?, reviewed_at = ?
                where process_instance_id = ? and round = (select max(round) from governance.contract_drafts where process_instance_id = ?)
                  and enforceable and review_outcome is null""",
                step, approved ? "APPROVED" : "RETURNED", reviewedBy, comment, OffsetDateTime.now(), processInstanceId, processInstanceId);
        if (updated != 1) {
            throw new IllegalStateException("No enforceable draft awaits a review in onboarding " + processInstanceId);
        }
    }

    /** Stores the approved latest draft as the contract the streamer signed; returns what was stored. */
    Map<String, Object> signed(String processInstanceId, String signedBy, String signature) {
        Map<String, Object> draft = jdbc.queryForMap("""
                select d.id, d.terms::text as terms, d.drafted_by, d.reviewed_by, d.review_step, d.decision_evaluation_id, e.decision, e.version,
                       o.streamer_id
                from governance.contract_drafts d
                join governance.onboardings o on o.process_instance_id = d.process_instance_id
                join governance.decision_evaluations e on e.id = d.decision_evaluation_id
                where d.process_instance_id = ? and d.review_outcome = 'APPROVED'
                order by d.round desc limit 1""", processInstanceId);
        Map<String, Object> terms = fromJson((String) draft.get("terms"), MAP);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("""
                insert into governance.signed_contracts (process_instance_id, streamer_id, draft_id, non_compete_months, monthly_compensation,
                    average_monthly_income, annual_revenue, liquidated_damages_multiple, ip_investment, ownership_clause, confidentiality_list,
                    drafted_by, reviewed_by, review_step, signed_by, signature, signed_at, decision, decision_version, decision_evaluation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                processInstanceId, draft.get("streamer_id"), draft.get("id"), terms.get("nonCompeteMonths"), terms.get("monthlyCompensation"),
                terms.get("averageMonthlyIncome"), terms.get("annualRevenue"), terms.get("liquidatedDamagesMultiple"), terms.get("ipInvestment"),
                terms.get("ownershipClause"), terms.get("confidentialityList"), draft.get("drafted_by"), draft.get("reviewed_by"),
                draft.get("review_step"), signedBy, signature, now, draft.get("decision"), draft.get("version"), draft.get("decision_evaluation_id"));
        jdbc.update("update governance.onboardings set signed_at = ? where process_instance_id = ?", now, processInstanceId);
        return Map.of("draftId", draft.get("id"), "signedBy", signedBy, "signedAt", now.toString(), "decisionVersion", draft.get("version"));
    }

    void activated(String processInstanceId) {
        jdbc.update("update governance.onboardings set activated_at = ? where process_instance_id = ?", OffsetDateTime.now(), processInstanceId);
    }

    /** Every onboarding of the streamer, with its drafts and signed contract. */
    List<Map<String, Object>> of(String streamerId) {
        return jdbc.queryForList("""
                select process_instance_id, sub_account_id, initiated_by, started_at, signed_at, activated_at
                from governance.onboardings where streamer_id = ? order by started_at""", streamerId).stream()
                .map(this::withDraftsAndContract).toList();
    }

    private Map<String, Object> withDraftsAndContract(Map<String, Object> onboarding) {
        Object id = onboarding.get("process_instance_id");
        Map<String, Object> result = new LinkedHashMap<>(onboarding);
        result.put("drafts", jdbc.queryForList("""
                select round, terms::text as terms, drafted_by, drafted_at, decision_evaluation_id, enforceable,
                       array_to_json(problems)::text as problems, review_step, review_outcome, reviewed_by, review_comment, reviewed_at
                from governance.contract_drafts where process_instance_id = ? order by round""", id).stream()
                .map(this::readDraft).toList());
        result.put("contract", jdbc.queryForList("select * from governance.signed_contracts where process_instance_id = ?", id)
                .stream().findFirst().orElse(null));
        return result;
    }

    private Map<String, Object> readDraft(Map<String, Object> row) {
        Map<String, Object> draft = new LinkedHashMap<>(row);
        draft.put("terms", fromJson((String) row.get("terms"), MAP));
        draft.put("problems", fromJson((String) row.get("problems"), LIST));
        return draft;
    }

    private String toJson(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T fromJson(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
