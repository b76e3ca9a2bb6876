package com.livegov.governance.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/** Writes refusals and failed logins to the log when no audit trail records them. */
@Configuration
class LoggedRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedRefusals.class);

    @Bean
    @ConditionalOnMissingBean(RefusalLog.class)
    RefusalLog loggedRefusalLog() {
        return new RefusalLog() {
            @Override
            public void refused(HttpServletRequest request, HttpStatus status, String reason) {
                LOG.warn("Refused {} {} for {}: {} {}", request.getMethod(), request.getRequestURI(),
                        request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(), status.value(), reason);
            }

            @Override
            public void loginFailed(String username, String reason, String remoteAddress) {
                LOG.warn("Failed login of {} from {}: {}", username, remoteAddress, reason);
            }
        };
    }
}
