package com.livegov.governance.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Reports every failed login (form, Basic or token) to the refusal log. */
@Component
class LoginFailures {

    private final RefusalLog refusals;

    LoginFailures(RefusalLog refusals) {
        this.refusals = refusals;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String from = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        refusals.loginFailed(event.getAuthentication().getName(), event.getException().getClass().getSimpleName(), from);
    }
}
