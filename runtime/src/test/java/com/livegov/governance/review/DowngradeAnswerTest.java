package com.livegov.governance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DowngradeAnswerTest {

    @Test
    void anEmptyAnswerConfirmsEveryDeviation() {
        assertThat(DowngradeAnswer.parse(null, 3)).isEmpty();
        assertThat(DowngradeAnswer.parse("  ", 3)).isEmpty();
    }

    @Test
    void numbersMayBeSeparatedByCommasOrSpacesAndRepeated() {
        assertThat(DowngradeAnswer.parse("3, 1", 3)).containsExactly(1, 3);
        assertThat(DowngradeAnswer.parse("2 2;3", 3)).containsExactly(2, 3);
    }

    @Test
    void aNumberOutsideTheListOrAWordIsRefused() {
        assertThatThrownBy(() -> DowngradeAnswer.parse("4", 3)).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> DowngradeAnswer.parse("0", 3)).hasMessageContaining("not a deviation");
        assertThatThrownBy(() -> DowngradeAnswer.parse("1, all", 3)).hasMessageContaining("\"all\" is not a number");
        assertThat(DowngradeAnswer.problem("1", 0)).isPresent();
    }
}
