package com.livegov.governance.security;

import java.util.Map;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Refused requests and failed logins go to the audit trail, whatever happens to the request's own work. */
@Component
class AuditedRefusals implements RefusalLog {

    private final AuditTrail audit;

    AuditedRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void refused(HttpServletRequest request, HttpStatus status, String reason) {
        audit.recordRefusal(request, status, null, reason, Map.of());
    }

    @Override
    public void loginFailed(String username, String reason, String remoteAddress) {
        audit.recordIndependently(AuditEntry.of(AuditAction.LOGIN_FAILED, username == null || username.isBlank() ? "anonymous" : username,
                AuditTarget.user(username), reason).withDetails(Map.of("from", remoteAddress == null ? "unknown" : remoteAddress)));
    }
}
