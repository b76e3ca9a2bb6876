package com.livegov.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Where refused requests and failed logins are reported (the audit trail). */
public interface RefusalLog {

    /** A request refused for who sent it or what it asked. */
    void refused(HttpServletRequest request, HttpStatus status, String reason);

    /** A failed login of a user name. */
    void loginFailed(String username, String reason, String remoteAddress);
}
