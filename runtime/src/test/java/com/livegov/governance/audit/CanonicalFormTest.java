package com.livegov.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The byte-exact form audit entries are hashed in: what goes in must come out the same after a trip through jsonb. */
class CanonicalFormTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void keysAreSortedAtEveryLevelWithoutWhiteSpace() throws Exception {
        assertThat(CanonicalForm.json(JSON.readTree("{ \"b\": 1, \"a\": { \"z\": [3, 1], \"y\": null }, \"B\": true }")))
                .isEqualTo("{\"B\":true,\"a\":{\"y\":null,\"z\":[3,1]},\"b\":1}");
    }

    @Test
    void numbersArePlainDecimalsWithoutTrailingZeros() throws Exception {
        assertThat(CanonicalForm.json(JSON.readTree("[20000.0, 2E+4, 1.50, 0.00, -0.0, 0.15, 123456789012345678901234567890.1, 1e-7]")))
                .isEqualTo("[20000,20000,1.5,0,0,0.15,123456789012345678901234567890.1,0.0000001]");
        assertThat(CanonicalForm.json(JSON.valueToTree(Map.of("amount", 1234.5d, "nan", Double.NaN))))
                .isEqualTo("{\"amount\":1234.5,\"nan\":\"NaN\"}");
    }

    @Test
    void stringsAreEscapedOnlyWhereJsonRequiresIt() {
        assertThat(CanonicalForm.json(JSON.valueToTree(List.of("say \"hi\"\\", "line\nbreak\t", "主播 ü €"))))
                .isEqualTo("[\"say \\\"hi\\\"\\\\\",\"line\\u000abreak\\u0009\",\"主播 ü €\"]");
    }

    @Test
    void theCanonicalFormSurvivesATripThroughAnotherSerialization() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outputs", Map.of("approved", true, "comment", "fine, \"really\""));
        details.put("amount", 20000.0d);
        details.put("levels", List.of("ops-manager", "director"));
        String canonical = CanonicalForm.json(JSON.valueToTree(details));
        // jsonb writes keys by length, spaces after separators, and keeps the numbers' scale
        String asJsonb = "{\"amount\": 20000, \"levels\": [\"ops-manager\", \"director\"], \"outputs\": {\"comment\": \"fine, \\\"really\\\"\", \"approved\": true}}";

        assertThat(CanonicalForm.json(JSON.readTree(asJsonb))).isEqualTo(canonical);
        assertThat(CanonicalForm.json(JSON.readTree(canonical))).isEqualTo(canonical);
    }

    @Test
    void timesAreUtcWithMicroseconds() {
        assertThat(CanonicalForm.time(Instant.parse("2026-11-24T06:00:00.123456789Z"))).isEqualTo("2026-11-24T06:00:00.123456Z");
        assertThat(CanonicalForm.time(Instant.parse("2026-11-24T06:00:00Z"))).isEqualTo("2026-11-24T06:00:00.000000Z");
    }

    @Test
    void anEntryNamesEveryFieldAndItsHashFollowsThePreviousOne() throws Exception {
        JsonNode details = JSON.readTree("{\"version\":\"abc\",\"evaluationId\":7}");
        String entry = CanonicalForm.entry(12, Instant.parse("2026-11-24T06:00:00.5Z"), "mia", "TASK_CLAIMED", "TASK", "t-1", null, "p-1",
                "host-1", details);

        assertThat(entry).isEqualTo("{\"action\":\"TASK_CLAIMED\",\"actor\":\"mia\",\"details\":{\"evaluationId\":7,\"version\":\"abc\"},"
                + "\"processInstanceId\":\"p-1\",\"reason\":null,\"recordedAt\":\"2026-11-24T06:00:00.500000Z\",\"sequence\":12,"
                + "\"streamerId\":\"host-1\",\"targetId\":\"t-1\",\"targetKind\":\"TASK\"}");
        // sha256("000...0" + "\n" + "{\"a\":1}"), computed independently
        assertThat(CanonicalForm.hash(CanonicalForm.GENESIS_HASH, "{\"a\":1}"))
                .isEqualTo("f21735afd2cd6af4fc5804b0045cebfd545aef8396d29d030c39cb8880b45b7f");
        assertThat(CanonicalForm.hash("a".repeat(64), entry)).isNotEqualTo(CanonicalForm.hash("b".repeat(64), entry));
    }
}
