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
    void aRequiredCheckboxMustBeTickedAsInFormJs() {
        assertThat(forms.check("CompleteTraining", Map.of("trainingCompleted", false), Map.of(), true))
                .extracting(TaskForms.FieldError::field).containsExactly("trainingCompleted");
        assertThat(forms.check("CompleteTraining", Map.of("trainingCompleted", true), Map.of(), true)).isEmpty();
    }

    @Test
    void aMultiValueFieldTakesAListOfTexts() {
        assertThat(forms.check("AssignBackups", Map.of("backupIds", java.util.List.of("ann", "bo")), Map.of(), true)).isEmpty();
        assertThat(forms.check("AssignBackups", Map.of("backupIds", java.util.List.of()), Map.of(), true)).as("not required").isEmpty();
        assertThat(forms.check("AssignBackups", Map.of("backupIds", "ann"), Map.of(), true)).extracting(TaskForms.FieldError::message)
                .containsExactly("must be a list, not \"ann\"");
        assertThat(forms.check("AssignBackups", Map.of("backupIds", java.util.List.of(1)), Map.of(), true)).hasSize(1);
    }

    @Test
    void decimalDigitsAreAsTheFormStatesThem() {
        Map<String, Object> draft = new HashMap<>(Map.of("nonCompeteMonths", 18.5, "monthlyCompensation", 6000.125, "averageMonthlyIncome", 20000,
                "annualRevenue", 500000.10, "liquidatedDamagesMultiple", 2.5, "ipInvestment", "COMPANY_FUNDED"));

        assertThat(forms.check("DraftContractTerms", draft, Map.of(), true)).extracting(TaskForms.FieldError::field)
                .containsExactlyInAnyOrder("nonCompeteMonths", "monthlyCompensation");
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
