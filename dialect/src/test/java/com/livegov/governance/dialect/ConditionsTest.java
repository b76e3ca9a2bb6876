package com.livegov.governance.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Set<String> VARIABLES = Set.of("approved", "severity", "opsManagers", "count");

    private static String java(String expression) throws Conditions.Unsupported {
        return Conditions.toJava(expression, VARIABLES);
    }

    @Test
    void aVariableIsTrueOnlyWhenItIsTrue() throws Exception {
        assertThat(java("${approved}")).isEqualTo("return Boolean.TRUE.equals(approved);");
        assertThat(java("${not approved}")).isEqualTo("return !Boolean.TRUE.equals(approved);");
        assertThat(java("${!approved}")).isEqualTo("return !Boolean.TRUE.equals(approved);");
        assertThat(java("${approved == true}")).isEqualTo("return Boolean.TRUE.equals(approved);");
        assertThat(java("${approved != false}")).isEqualTo("return !Boolean.FALSE.equals(approved);");
    }

    @Test
    void textsNumbersAndEmptiness() throws Exception {
        assertThat(java("${severity == 'MINOR'}")).isEqualTo("return \"MINOR\".equals(severity);");
        assertThat(java("${severity eq \"SEVERE\"}")).isEqualTo("return \"SEVERE\".equals(severity);");
        assertThat(java("${severity ne 'MINOR'}")).isEqualTo("return !\"MINOR\".equals(severity);");
        assertThat(java("${count gt 3}")).isEqualTo("return count != null && ((Number) count).doubleValue() > 3;");
        assertThat(java("${count <= 2.5}")).isEqualTo("return count != null && ((Number) count).doubleValue() <= 2.5;");
        assertThat(java("${empty opsManagers}")).isEqualTo("return (opsManagers == null || opsManagers.isEmpty());");
        assertThat(java("${not empty opsManagers}")).isEqualTo("return opsManagers != null && !opsManagers.isEmpty();");
    }

    @Test
    void termsJoinedByAndOr() throws Exception {
        assertThat(java("${approved and severity == 'MINOR' || empty opsManagers}")).isEqualTo(
                "return Boolean.TRUE.equals(approved) && \"MINOR\".equals(severity) || (opsManagers == null || opsManagers.isEmpty());");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> java("${nope}")).hasMessage("there is no process variable 'nope'");
        assertThatThrownBy(() -> java("${(approved)}")).hasMessageContaining("parentheses and method calls are not supported");
        assertThatThrownBy(() -> java("approved")).hasMessage("a condition must be one expression ${...}, or a script with the format 'java'");
        assertThatThrownBy(() -> java("${severity > 'A'}")).hasMessage("a text can only be compared with == or !=");
        assertThatThrownBy(() -> java("${severity == MINOR}")).hasMessage("'MINOR' is not a text in quotes, true, false or a number");
        assertThatThrownBy(() -> java("${approved ? 1 : 2}")).hasMessage("'approved ? 1 : 2' is not a process variable name");
    }
}
