package com.livegov.governance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every word of the workbench is in both languages: each English bundle has its Simplified Chinese twin with the
 * same keys, nothing is empty, the Chinese is Chinese; every message a template names exists; and every process,
 * task, named diagram element and form text has its message, the English being the model's own words.
 */
class MessageBundlesTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** {@code #{key}} and {@code #{key(args)}} with a literal key. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*[(}]");

    @Test
    void everyEnglishBundleHasAChineseTwinWithTheSameKeysAndNoEmptyValue() throws IOException {
        List<Path> english = Models.files(Bundles.MESSAGES, ".properties").stream()
                .filter(file -> !file.getFileName().toString().contains("_")).toList();

        assertThat(english).extracting(file -> file.getFileName().toString())
                .contains("workbench.properties", "processes.properties", "forms.properties", "enums.properties");
        for (Path file : english) {
            Path twin = file.resolveSibling(file.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertThat(twin).as("Chinese twin of %s", file.getFileName()).exists();
            Properties en = Bundles.read(file);
            Properties zh = Bundles.read(twin);
            assertThat(zh.stringPropertyNames()).as("keys of %s", twin.getFileName()).isEqualTo(en.stringPropertyNames());
            assertThat(en).as("empty values in %s", file.getFileName()).allSatisfy((key, value) -> assertThat((String) value).isNotBlank());
            assertThat(zh).as("empty values in %s", twin.getFileName()).allSatisfy((key, value) -> assertThat((String) value).isNotBlank());
        }
    }

    @Test
    void theChineseBundlesAreWrittenInChinese() {
        for (Path file : Models.files(Bundles.MESSAGES, "_zh_CN.properties")) {
            Properties zh = Bundles.read(file);
            Set<String> notChinese = new TreeSet<>();
            zh.forEach((key, value) -> {
                if (!CJK.matcher((String) value).find()) {
                    notChinese.add(key + "=" + value);
                }
            });
            assertThat(notChinese.size()).as("values of %s without a Chinese character: %s", file.getFileName(), notChinese)
                    .isLessThanOrEqualTo(zh.size() / 20);
        }
    }

    @Test
    void theChineseFilesAreUtf8() throws IOException {
        for (Path file : Models.files(Bundles.MESSAGES, "_zh_CN.properties")) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("%s stores its Chinese as UTF-8, not as \\u escapes", file.getFileName()).doesNotContain("\\u");
        }
    }

    @Test
    void everyMessageATemplateNamesExists() throws IOException {
        Properties english = Bundles.all(false);
        Set<String> used = new TreeSet<>();
        for (Path template : Models.files(Path.of("src/main/resources/templates"), ".html")) {
            Matcher key = TEMPLATE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
            while (key.find()) {
                used.add(key.group(1));
            }
        }

        assertThat(used).as("keys found in the templates").contains("workbench.brand", "login.title");
        assertThat(used).filteredOn(key -> !english.containsKey(key)).as("template keys without a message").isEmpty();
    }

    @Test
    void everyProcessTaskAndNamedDiagramElementHasItsNameInBothLanguages() {
        Map<String, String> texts = Models.processTexts();

        assertThat(texts).containsKeys("process.name.streamerOffboarding", "task.name.Level1Approval",
                "bpmn.accountActionApproval.Task_Level1Approval", "bpmn.violationEscalation.Flow_Severe");
        assertThat(texts.keySet().stream().filter(key -> key.startsWith("process.name."))).hasSize(Models.files(Models.PROCESSES, ".bpmn").size());
        assertThat(texts.keySet().stream().filter(key -> key.startsWith("task.name."))).hasSize(Models.files(Models.FORMS, ".form").size());
        assertTranslated(texts);
    }

    @Test
    void everyFormLabelDescriptionTextOptionAndColumnHasItsWordsInBothLanguages() {
        Map<String, String> texts = Models.formTexts();

        assertThat(texts).containsKeys("form.Level1Approval.approved.label", "form.Level1Approval.approved.value.true",
                "form.ReviewPermissions.downgrade.description", "form.ReviewPermissions.Table_ReviewPermissions_Deviations.column.grant",
                "form.AcknowledgeWarning.Text_AcknowledgeWarning_Intro.text");
        assertTranslated(texts);
    }

    /** Each key is in both languages, and the English message is the model's own words. */
    private static void assertTranslated(Map<String, String> texts) {
        Properties english = Bundles.all(false);
        Properties chinese = Bundles.all(true);
        assertThat(texts.keySet()).filteredOn(key -> !english.containsKey(key)).as("keys missing in English").isEmpty();
        assertThat(texts.keySet()).filteredOn(key -> !chinese.containsKey(key)).as("keys missing in Chinese").isEmpty();
        assertThat(texts.keySet()).filteredOn(key -> !texts.get(key).equals(english.getProperty(key)))
                .as("English messages that differ from the model's words").isEmpty();
    }
}
