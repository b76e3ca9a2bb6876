package com.livegov.governance.review;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an ops-manager writes in the {@code downgrade} field of their review task: the numbers of the deviations to
 * downgrade, separated by commas or spaces ({@code "1, 3"}); every deviation not named is confirmed, so an empty
 * field confirms them all.
 */
final class DowngradeAnswer {

    private DowngradeAnswer() {
    }

    /**
     * @param text the field's value, possibly empty or null
     * @param deviations how many deviations the task lists (numbered from 1)
     * @return the numbers to downgrade
     * @throws IllegalArgumentException with a message for the user when the text names anything else
     */
    static Set<Integer> parse(String text, int deviations) {
        Set<Integer> numbers = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return numbers;
        }
        for (String token : text.trim().split("[,;\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must list the numbers of deviations, separated by commas; \"" + token + "\" is not a number");
            }
            if (number < 1 || number > deviations) {
                throw new IllegalArgumentException(number + " is not a deviation of this task: the numbers are 1 to " + deviations);
            }
            numbers.add(number);
        }
        return numbers;
    }

    /** Why the text cannot be taken, if it cannot. */
    static Optional<String> problem(String text, int deviations) {
        try {
            parse(text, deviations);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
