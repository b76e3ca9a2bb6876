package com.livegov.governance.decisions.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** Recorded outputs against replayed ones: numbers by value, structures deeply, null as absent. */
class JsonValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static JsonNode recorded(String json) throws JsonProcessingException {
        return JSON.readTree(json);
    }

    private static boolean same(String json, Object value) throws JsonProcessingException {
        return JsonValues.same(recorded(json), value, JSON::valueToTree);
    }

    @Test
    void numbersAreComparedByValue() throws Exception {
        assertThat(same("2000", new BigDecimal("2000.00"))).isTrue();
        assertThat(same("36374.07", new BigDecimal("36374.070"))).isTrue();
        assertThat(same("36374.07", new BigDecimal("36374.08"))).isFalse();
        assertThat(same("3", 3L)).isTrue();
        assertThat(same("\"3\"", new BigDecimal("3"))).as("a text is not a number").isFalse();
    }

    @Test
    void structuresAreComparedDeeply() throws Exception {
        Map<String, Object> inner = new HashMap<>(Map.of("total", new BigDecimal("9000.00"), "targetMet", false));
        Map<String, Object> outputs = Map.of("CommissionSplit", inner, "Severity", "MINOR", "list", List.of(BigDecimal.ONE, "a"));
        String json = "{\"Severity\":\"MINOR\",\"list\":[1.0,\"a\"],\"CommissionSplit\":{\"targetMet\":false,\"total\":9000}}";

        assertThat(same(json, outputs)).isTrue();
        inner.put("targetMet", true);
        assertThat(same(json, outputs)).as("a nested boolean differs").isFalse();
        inner.put("targetMet", false);
        inner.put("extra", BigDecimal.ZERO);
        assertThat(same(json, outputs)).as("a field the record does not have").isFalse();
        inner.remove("extra");
        assertThat(same(json.replace("\"total\":9000", "\"total\":9000,\"gone\":1"), outputs)).as("a recorded field that is gone").isFalse();
        assertThat(same(json.replace("[1.0,\"a\"]", "[1.0]"), outputs)).as("a shorter list").isFalse();
    }

    @Test
    void aNullFieldIsTheSameAsAnAbsentOne() throws Exception {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("fine", null);
        withNull.put("days", BigDecimal.ONE);
        assertThat(same("{\"days\":1}", withNull)).isTrue();
        assertThat(same("{\"days\":1,\"fine\":null}", Map.of("days", BigDecimal.ONE))).isTrue();
        assertThat(same("{\"days\":1,\"fine\":0}", withNull)).isFalse();
        assertThat(same("null", null)).isTrue();
        assertThat(same("0", null)).isFalse();
    }

    @Test
    void otherValuesAreComparedAsTheyAreRecorded() throws Exception {
        LocalDate date = LocalDate.of(2025, 6, 30);
        assertThat(same(JSON.writeValueAsString(date), date)).isTrue();
        assertThat(same(JSON.writeValueAsString(date.plusDays(1)), date)).isFalse();
    }

    @Test
    void jsonAgainstJsonComparesNumbersByValueToo() throws Exception {
        assertThat(JsonValues.same(recorded("{\"a\":[2000,{\"b\":1.50}]}"), recorded("{\"a\":[2000.00,{\"b\":1.5}]}"))).isTrue();
        assertThat(JsonValues.same(recorded("{\"a\":[2000]}"), recorded("{\"a\":[2001]}"))).isFalse();
    }
}
