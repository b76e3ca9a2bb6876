package com.livegov.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Where refused requests and failed logins are reported (the audit trail). */
public interface RefusalLog {

    /** A request refused for who sent it or what it asked. */
    void refused(HttpServletRequest request, HttpStatus status, String reason);

    /**
     * Failed logins of a user name from an address, for a reason in words.
     *
     * @param username the name tried; null when none was given, or for failures of many names summed up
     * @param count how many: 1 for one failure, more for the failures counted over {@code window}
     * @param window the time the failures were counted over; null for one failure
     */
    void loginFailed(String username, String reason, String remoteAddress, long count, java.time.Duration window);
}
