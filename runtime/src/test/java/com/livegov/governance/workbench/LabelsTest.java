package com.livegov.governance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.livegov.governance.accounts.AccountAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class LabelsTest {

    private final Labels labels = new Labels(new WorkbenchConfig().messageSource());

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aChineseReaderReadsTiersActionsProcessesTasksAndStepsInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(labels.value("tier", "KEY")).isEqualTo("重点主播");
        assertThat(labels.value("action", AccountAction.SUSPEND_LIVE)).isEqualTo("暂停直播");
        assertThat(labels.process("streamerOffboarding")).isEqualTo("主播 24 小时内离职交接");
        assertThat(labels.task("Level2Approval")).isEqualTo("审批（二级）");
        assertThat(labels.element("violationEscalation", "Task_PublicNotice", "Publish the public notice")).isEqualTo("发布公开声明");
    }

    @Test
    void anEnglishReaderReadsWordsNotCodes() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(labels.value("accountStatus", "SUSPENDED")).isEqualTo("Suspended");
        assertThat(labels.value("group", "ops-manager")).isEqualTo("Ops managers");
        assertThat(labels.task("PreserveEvidence")).isEqualTo("Preserve evidence");
    }

    @Test
    void aValueWithoutAMessageIsShownAsItIs() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(labels.value("tier", "GALACTIC")).isEqualTo("GALACTIC");
        assertThat(labels.value("tier", null)).isEmpty();
        assertThat(labels.task("SomeNewTask")).isEqualTo("SomeNewTask");
        assertThat(labels.element("accountActionApproval", "Gateway_ToLevel1", null)).isEqualTo("Gateway_ToLevel1");
        assertThat(labels.element("accountActionApproval", "Gateway_ToLevel1", "")).isEmpty();
    }
}
