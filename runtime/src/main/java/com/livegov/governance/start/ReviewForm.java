package com.livegov.governance.start;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A permission review to run now, for a quarter ({@code 2026-Q4}). Who runs it is the login. */
record ReviewForm(String quarter) {

    private static final Pattern QUARTER = Pattern.compile("^[0-9]{4}-Q[1-4]$");
    private static final int OFFERED = 4;

    /** The quarter under way in the zone, then the ones before it: the quarters a review can be run for. */
    static List<String> quarters(ZoneId zone) {
        LocalDate day = LocalDate.now(zone);
        List<String> quarters = new ArrayList<>();
        for (int back = 0; back < OFFERED; back++) {
            LocalDate month = day.minusMonths(3L * back);
            quarters.add(month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1));
        }
        return quarters;
    }

    /** The quarter as the review reads it, or an error. */
    String checked(FormErrors errors) {
        if (quarter == null || quarter.isBlank()) {
            errors.add("quarter", "start.error.required");
            return null;
        }
        if (!QUARTER.matcher(quarter.strip()).matches()) {
            errors.add("quarter", "start.error.quarter");
            return null;
        }
        return quarter.strip();
    }
}
