package com.livegov.governance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FormTranslationsTest {

    private final FormTranslations forms = new FormTranslations(new WorkbenchConfig().messageSource(), new ObjectMapper());

    @Test
    void aChineseReaderSeesTheApprovalFormInChinese() {
        JsonNode form = forms.translated("Level1Approval", Locale.SIMPLIFIED_CHINESE).orElseThrow();

        JsonNode decision = component(form, "approved");
        assertThat(decision.path("label").asText()).isEqualTo("决定");
        assertThat(decision.path("values").get(0).path("label").asText()).isEqualTo("批准");
        assertThat(decision.path("values").get(1).path("label").asText()).isEqualTo("驳回");
        assertThat(component(form, "comment").path("label").asText()).isEqualTo("意见（理由）");
        assertThat(form.path("components").get(0).path("text").asText())
                .isEqualTo("# 账号操作审批（一级）\n请对申请的账号操作作出决定。驳回即终止该申请。");
    }

    @Test
    void anEnglishReaderSeesTheFormsOwnWords() {
        JsonNode form = forms.translated("Level1Approval", Locale.ENGLISH).orElseThrow();

        assertThat(component(form, "approved").path("label").asText()).isEqualTo("Decision");
        assertThat(component(form, "approved").path("values").get(0).path("label").asText()).isEqualTo("Approve");
        assertThat(component(form, "reason").path("label").asText()).isEqualTo("Reason given by the requester");
    }

    @Test
    void onlyTheWordsChangeNotTheKeysValuesOrValidation() {
        JsonNode chinese = forms.translated("DraftContractTerms", Locale.SIMPLIFIED_CHINESE).orElseThrow();
        JsonNode english = forms.translated("DraftContractTerms", Locale.ENGLISH).orElseThrow();

        JsonNode ip = component(chinese, "ipInvestment");
        assertThat(ip.path("label").asText()).isEqualTo("主播 IP 的投入方");
        assertThat(ip.path("values").get(0).path("label").asText()).isEqualTo("公司（IP 归公司所有）");
        assertThat(ip.path("values").get(0).path("value").asText()).isEqualTo("COMPANY_FUNDED");
        assertThat(ip.path("validate")).isEqualTo(component(english, "ipInvestment").path("validate"));
        assertThat(chinese.path("components").size()).isEqualTo(english.path("components").size());
        assertThat(component(chinese, "nonCompeteMonths").path("decimalDigits").asInt()).isZero();
    }

    @Test
    void tableColumnsAndDescriptionsAreTranslated() {
        JsonNode form = forms.translated("ReviewPermissions", Locale.SIMPLIFIED_CHINESE).orElseThrow();

        JsonNode table = form.path("components").get(3);
        assertThat(table.path("label").asText()).isEqualTo("您名下主播的偏差");
        assertThat(table.path("columns").get(0).path("label").asText()).isEqualTo("序号");
        assertThat(table.path("columns").get(0).path("key").asText()).isEqualTo("number");
        assertThat(component(form, "downgrade").path("description").asText()).startsWith("例如 1, 3。");
    }

    @Test
    void theCallerGetsItsOwnCopy() {
        JsonNode first = forms.translated("Level1Approval", Locale.SIMPLIFIED_CHINESE).orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) component(first, "approved")).put("label", "changed");

        assertThat(component(forms.translated("Level1Approval", Locale.ENGLISH).orElseThrow(), "approved").path("label").asText())
                .isEqualTo("Decision");
        assertThat(component(forms.translated("Level1Approval", Locale.SIMPLIFIED_CHINESE).orElseThrow(), "approved").path("label").asText())
                .isEqualTo("决定");
    }

    @Test
    void anUnknownOrMalformedFormNameHasNoForm() {
        assertThat(forms.translated("NoSuchTask", Locale.ENGLISH)).isEmpty();
        assertThat(forms.translated("../application", Locale.ENGLISH)).isEmpty();
        assertThat(forms.translated("", Locale.ENGLISH)).isEmpty();
        assertThat(forms.translated(null, Locale.ENGLISH)).isEmpty();
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no component " + key);
    }
}
