package com.livegov.governance.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Instants as the workbench shows them ({@code ${@times.format(t)}} in a template): in the company's time zone
 * ({@code governance.workbench.time-zone}, by default the server's), with the zone named.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ZoneId zone;

    Times(@Value("${governance.workbench.time-zone:}") String zone) {
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(zone));
    }

    /** The instant as the value of an HTML {@code datetime-local} input, in the company's zone. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(zone));
    }

    /** Whole hours between now and the instant (negative when it has passed). */
    public long hoursUntil(Instant instant) {
        return Duration.between(Instant.now(), instant).toHours();
    }

    public ZoneId zone() {
        return zone;
    }
}
