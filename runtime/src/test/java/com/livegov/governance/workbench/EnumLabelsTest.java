package com.livegov.governance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.PermissionLevel;
import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.security.Group;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every value of an enumeration the pages show has its label ({@code enum.<kind>.<value>}) in both languages: the
 * Java enums, the string values the decisions allow, and the values the database's check constraints allow.
 */
class EnumLabelsTest {

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    /** Kind of label for each DMN item definition with a list of allowed strings. */
    private static final Map<String, String> DMN_KINDS = Map.ofEntries(Map.entry("Tier", "tier"), Map.entry("AccountAction", "action"),
            Map.entry("ViolationSeverity", "severity"), Map.entry("SeverityLevel", "severity"), Map.entry("AccountKind", "accountKind"),
            Map.entry("AccountStatus", "accountStatus"), Map.entry("PermissionLevel", "permissionLevel"),
            Map.entry("DepartureReason", "departureReason"), Map.entry("IpInvestment", "ipInvestment"), Map.entry("IpOwner", "ipOwner"),
            Map.entry("ApprovalReason", "payoutApprovalReason"), Map.entry("AlertLevel", "alertLevel"),
            Map.entry("ViolationKind", "violationKind"), Map.entry("Grade", "performanceGrade"));

    /** Kind of label for each {@code table.column} whose check constraint lists its values. */
    private static final Map<String, String> COLUMN_KINDS = Map.ofEntries(Map.entry("streamers.tier", "tier"),
            Map.entry("streamers.status", "streamerStatus"), Map.entry("accounts.kind", "accountKind"),
            Map.entry("accounts.status", "accountStatus"), Map.entry("permission_grants.level", "permissionLevel"),
            Map.entry("contract_drafts.review_step", "contractReviewStep"), Map.entry("contract_drafts.review_outcome", "contractReviewOutcome"),
            Map.entry("violations.source", "violationSource"), Map.entry("violations.severity", "severity"),
            Map.entry("demo_data_seeds.outcome", "demoSeed"),
            Map.entry("violations.fine_status", "fineStatus"), Map.entry("violation_approvals.outcome", "approvalOutcome"),
            Map.entry("traffic_alerts.level", "alertLevel"), Map.entry("permission_review_deviations.answer", "reviewAnswer"),
            Map.entry("user_groups.group_name", "group"), Map.entry("commission_settlements.status", "settlementStatus"),
            Map.entry("decision_versions.state", "decisionVersionState"), Map.entry("decision_versions.origin", "decisionVersionOrigin"),
            Map.entry("performance_assessments.status", "performanceStatus"),
            Map.entry("performance_assessments.improvement_choice", "improvementChoice"));

    private static final Pattern TABLE = Pattern.compile("create table (\\w+)");
    private static final Pattern CHECKED_COLUMN = Pattern.compile("check \\((\\w+) in \\(([^)]*)\\)\\)");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

    private final Properties english = Bundles.all(false);
    private final Properties chinese = Bundles.all(true);

    @Test
    void everyJavaEnumValueHasItsLabel() {
        assertLabelled("action", Arrays.stream(AccountAction.values()).map(Enum::name).toList());
        assertLabelled("permissionLevel", Arrays.stream(PermissionLevel.values()).map(Enum::name).toList());
        assertLabelled("auditAction", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
        assertLabelled("group", Arrays.stream(Group.values()).map(Group::id).toList());
    }

    @Test
    void everyStringADecisionAllowsHasItsLabel() {
        int lists = 0;
        for (Path file : Models.files(Models.RULES, ".dmn")) {
            for (Element item : Models.list(Models.xml(file).getElementsByTagNameNS(DMN, "itemDefinition"))) {
                var allowed = item.getElementsByTagNameNS(DMN, "allowedValues");
                List<String> values = allowed.getLength() == 0 ? List.of() : quoted(allowed.item(0).getTextContent());
                if (!values.isEmpty()) {
                    String name = item.getAttribute("name");
                    assertThat(DMN_KINDS).as("label kind of the item definition %s in %s", name, file.getFileName()).containsKey(name);
                    assertLabelled(DMN_KINDS.get(name), values);
                    lists++;
                }
            }
        }
        assertThat(lists).as("item definitions with allowed strings").isGreaterThanOrEqualTo(13);
    }

    @Test
    void everyValueTheDatabaseAllowsInAnEnumeratedColumnHasItsLabel() throws IOException {
        int columns = 0;
        for (Path migration : Models.files(Path.of("src/main/resources/db/migration"), ".sql")) {
            String sql = Files.readString(migration, StandardCharsets.UTF_8);
            Matcher check = CHECKED_COLUMN.matcher(sql);
            while (check.find()) {
                String column = tableBefore(sql, check.start()) + "." + check.group(1);
                assertThat(COLUMN_KINDS).as("label kind of %s (%s)", column, migration.getFileName()).containsKey(column);
                assertLabelled(COLUMN_KINDS.get(column), quoted(check.group(2)));
                columns++;
            }
        }
        assertThat(columns).as("enumerated columns").isEqualTo(COLUMN_KINDS.size());
    }

    @Test
    void theKogitoTaskStatesHaveTheirLabels() {
        assertLabelled("taskState", List.of("Created", "Ready", "Reserved", "Completed", "Error", "Obsolete"));
    }

    @Test
    void aLabelReadsAsWordsNotAsTheValue() {
        assertThat(english.getProperty("enum.action.SUSPEND_LIVE")).isEqualTo("Suspend live streaming");
        assertThat(chinese.getProperty("enum.action.SUSPEND_LIVE")).isEqualTo("暂停直播");
        assertThat(chinese.getProperty("enum.tier.KEY")).isEqualTo("重点主播");
        assertThat(chinese.getProperty("enum.group.ops-manager")).isEqualTo("运营经理");
    }

    private void assertLabelled(String kind, List<String> values) {
        assertThat(values).as("values of %s", kind).isNotEmpty();
        assertThat(values).filteredOn(value -> !english.containsKey("enum." + kind + "." + value))
                .as("values of %s without an English label", kind).isEmpty();
        assertThat(values).filteredOn(value -> !chinese.containsKey("enum." + kind + "." + value))
                .as("values of %s without a Chinese label", kind).isEmpty();
    }

    private static String tableBefore(String sql, int position) {
        Matcher table = TABLE.matcher(sql.substring(0, position));
        String last = null;
        while (table.find()) {
            last = table.group(1);
        }
        return last;
    }

    private static List<String> quoted(String list) {
        List<String> values = new ArrayList<>();
        Matcher value = QUOTED.matcher(list);
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }
}
