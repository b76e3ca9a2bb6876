package com.livegov.governance.audit;

import java.security.Principal;
import java.util.Optional;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The authenticated user of the HTTP request being served on this thread, if any: what an entry records as
 * its actor once the security layer authenticates requests (until then there is none, and the listeners fall
 * back to what Kogito reports or what the request claims).
 */
final class CurrentUser {

    private CurrentUser() {
    }

    static Optional<String> name() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            Principal principal = attributes.getRequest().getUserPrincipal();
            if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
                return Optional.of(principal.getName());
            }
        }
        return Optional.empty();
    }
}
