package com.livegov.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The firewall's character rules against the regular expressions of Spring Security's {@code StrictHttpFirewall}
 * that they replace (copied here as the reference): every code point alone, lone and paired surrogates, and random
 * mixed strings must get the same answer.
 */
class FirewallCharactersTest {

    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneGetsSpringsAnswer() {
        int refusedNames = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = new String(Character.toChars(codePoint)) + "x";
            boolean name = SPRING_NAMES.matcher(text).matches();
            assertThat(FirewallCharacters.assignedAndNotControl(text)).as("U+%04X as a name", codePoint).isEqualTo(name);
            assertThat(FirewallCharacters.assignedAndNotControlOrTab(text)).as("U+%04X as a value", codePoint)
                    .isEqualTo(SPRING_VALUES.matcher(text).matches());
            refusedNames += name ? 0 : 1;
        }
        // the reference itself refuses what it should: the 65 control characters and the unassigned code points
        assertThat(refusedNames).isGreaterThan(65);
    }

    @Test
    void knownCasesAreDecidedAsTheFirewallMeansThem() {
        assertThat(FirewallCharacters.assignedAndNotControl("Authorization")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("X-Name\u0000")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControl("a\tb")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\tb")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\nb")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\u007fb")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("a\u0085b")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("主播 \uD83D\uDE00")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControlOrTab("\u0378")).isFalse();
    }

    @Test
    void mixedStringsWithSurrogatesGetSpringsAnswer() {
        Random random = new Random(20261204L);
        List<String> samples = new ArrayList<>(List.of("\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDFFF", "\uD83D\uDE00\t", "\uDE00\uD83D"));
        char[] pool = {'a', 'Z', ' ', '\t', '\n', '\u0000', '\u007f', '\u00e9', '\u4e3b', '\u0378', '\uD83D', '\uDE00', '\uFFFF', '\u200B'};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(pool[random.nextInt(pool.length)]);
            }
            samples.add(text.toString());
        }
        for (String text : samples) {
            assertThat(FirewallCharacters.assignedAndNotControl(text)).as("name %s", text.codePoints().boxed().toList())
                    .isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(FirewallCharacters.assignedAndNotControlOrTab(text)).as("value %s", text.codePoints().boxed().toList())
                    .isEqualTo(SPRING_VALUES.matcher(text).matches());
        }
    }
}
