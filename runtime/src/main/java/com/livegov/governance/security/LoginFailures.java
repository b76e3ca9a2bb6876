package com.livegov.governance.security;

import com.livegov.governance.config.UnavailableDatabase;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Reports every failed login (form, Basic or token) to the audit trail, counted by {@link FailedLoginDigest}. */
@Component
class LoginFailures {

    private final FailedLoginDigest digest;

    LoginFailures(FailedLoginDigest digest) {
        this.digest = digest;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (UnavailableDatabase.explains(event.getException())) {
            return; // not a failed login: the database that checks it was away (answered 503)
        }
        Object details = event.getAuthentication().getDetails();
        String from = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        digest.failed(event.getAuthentication().getName(), event.getException(), from);
    }
}
