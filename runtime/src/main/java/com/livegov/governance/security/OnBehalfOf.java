package com.livegov.governance.security;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A request that acts on behalf of an absent user, as a substitute: it says so with the header
 * {@value #HEADER} (or the parameter {@value #PARAMETER}) naming the absent user, and {@link IdentityParameters}
 * lets it through only while that user has named the login as substitute. Then Kogito acts with the absent
 * user's name and groups, while the login stays the request's principal (the audit trail's actor).
 *
 * @param substitute the login, who acts
 * @param absentUser on whose behalf
 */
public record OnBehalfOf(String substitute, String absentUser) {

    public static final String HEADER = "X-On-Behalf-Of";
    public static final String PARAMETER = "onBehalfOf";
    static final String ATTRIBUTE = OnBehalfOf.class.getName();

    /** The substitution the request being served on this thread acts under, if any. */
    public static Optional<OnBehalfOf> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof OnBehalfOf acting
                ? Optional.of(acting) : Optional.empty();
    }
}
