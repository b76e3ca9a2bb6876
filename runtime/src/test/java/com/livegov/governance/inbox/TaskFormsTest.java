package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class TaskFormsTest {

    private final TaskForms forms = new TaskForms(new ObjectMapper());

    private static Map<String, Object> decision(Object approved, Object comment) {
        Map<String, Object> data = new HashMap<>();
        data.put("approved", approved);
        data.put("comment", comment);
        return data;
    }

    @Test
    void completeDecisionIsAccepted() {
        assertThat(forms.check("Level1Approval", decision(true, "evidence is clear"), Map.of(), true)).isEmpty();
    }

    @Test
    void completingWithoutTheRequiredDecisionIsRefused() {
        assertThat(forms.check("Level1Approval", Map.of("comment", "no idea"), Map.of(), true))
                .extracting(TaskForms.FieldError::field).containsExactly("approved");
    }

    @Test
    void aRequiredFieldSetEarlierCountsWhenCompleting() {
        assertThat(forms.check("Level1Approval", Map.of("comment", "agree"), Map.of("approved", false), true)).isEmpty();
    }

    @Test
    void wrongTypesUnknownFieldsAndShortTextsAreRefused() {
        Map<String, Object> data = decision("yes", "ok");
        data.put("severity", "SEVERE");

        assertThat(forms.check("Level2Approval", data, Map.of(), true))
                .extracting(TaskForms.FieldError::field).containsExactlyInAnyOrder("approved", "comment", "severity");
    }

    @Test
    void settingOutputsChecksTypesButNotCompleteness() {
        assertThat(forms.check("EscalatedApproval", Map.of("comment", "looking into it"), Map.of(), false)).isEmpty();
        assertThat(forms.check("EscalatedApproval", Map.of("approved", 1), Map.of(), false)).hasSize(1);
    }

    @Test
    void everyHumanTaskOfEveryProcessHasItsForm() throws IOException {
        Set<String> taskNames = new LinkedHashSet<>();
        Pattern taskName = Pattern.compile("<bpmn2:from xsi:type=\"bpmn2:tFormalExpression\">([A-Za-z0-9_]+)</bpmn2:from>\\s*"
                + "<bpmn2:to xsi:type=\"bpmn2:tFormalExpression\">[A-Za-z0-9_]+_TaskNameInputX</bpmn2:to>");
        for (Resource process : new PathMatchingResourcePatternResolver().getResources("classpath*:/*.bpmn")) {
            try (InputStream in = process.getInputStream()) {
                Matcher matcher = taskName.matcher(new String(in.readAllBytes()));
                while (matcher.find()) {
                    taskNames.add(matcher.group(1));
                }
            }
        }

        assertThat(taskNames).isNotEmpty().allSatisfy(name -> assertThat(forms.hasForm(name)).as("form of %s", name).isTrue());
    }
}
