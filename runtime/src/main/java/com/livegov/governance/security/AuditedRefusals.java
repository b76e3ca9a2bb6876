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
    public void loginFailed(String username, String reason, String remoteAddress, long count, java.time.Duration window) {
        String who = username == null || username.isBlank() ? "anonymous" : username;
        String from = remoteAddress == null ? "unknown" : remoteAddress;
        String words = count == 1 ? reason
                : count + " more failed logins within " + window + " (" + reason + ")";
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("from", from);
        details.put("count", count);
        if (window != null) {
            details.put("window", window.toString());
        }
        audit.recordIndependently(AuditEntry.of(AuditAction.LOGIN_FAILED, who, AuditTarget.user(who), words).withDetails(details));
    }
}
