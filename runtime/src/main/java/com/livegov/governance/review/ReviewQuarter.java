package com.livegov.governance.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q4}: the period a permission review is for. */
record ReviewQuarter(int year, int quarter) implements Comparable<ReviewQuarter> {

    private static final Pattern FORMAT = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    /** @throws ReviewRefused when the text is not a quarter */
    static ReviewQuarter parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new ReviewRefused("quarter must be a year and a quarter such as 2026-Q4, not " + text);
        }
        return new ReviewQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The quarter under way in the zone. */
    static ReviewQuarter current(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return new ReviewQuarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public int compareTo(ReviewQuarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
