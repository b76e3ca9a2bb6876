package com.livegov.governance.security;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kogito's generated endpoints take the acting user and groups from the {@code user} and {@code group} query
 * parameters. Here they come from the login only: a request naming another user, or a group the user is not
 * in, is refused (403) and recorded; every request of a logged-in user carries their own name and groups in
 * those parameters, whatever the client sent.
 *
 * <p>Substitutes: a request to the user-task API ({@code /usertasks/instance...}) that names an absent user in
 * {@link OnBehalfOf#HEADER} (or {@code ?onBehalfOf=}) is let through only while that user has named the login as
 * their substitute ({@link SubstituteCheck}); otherwise it is refused (403, recorded). Let through, Kogito acts
 * with the absent user's name and groups (the security context of the rest of the request is theirs), while the
 * request's principal stays the login, so the audit trail's actor is the substitute, and {@link OnBehalfOf#current()}
 * tells on whose behalf.
 */
@Component
class IdentityParameters extends OncePerRequestFilter {

    static final String USER = "user";
    /** The workbench's task pages, where a substitute opens an absent user's task. */
    static final String TASK_PAGES = "/tasks/";
    static final String GROUP = "group";
    private static final String TASK_API = "/usertasks/instance";

    private final ProblemResponses problems;
    private final RefusalLog refusals;
    private final SubstituteCheck substitutes;

    IdentityParameters(ProblemResponses problems, RefusalLog refusals, SubstituteCheck substitutes) {
        this.problems = problems;
        this.refusals = refusals;
        this.substitutes = substitutes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || login instanceof AnonymousAuthenticationToken || !login.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String absentUser = onBehalfOf(request);
        if (absentUser != null && !absentUser.equals(login.getName())) {
            actOnBehalf(request, response, chain, login, absentUser);
            return;
        }
        Set<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Optional<String> refusal = refusal(request, login.getName(), groups, login.getName());
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        chain.doFilter(new LoggedInIdentity(request, login.getName(), List.copyOf(groups), null), response);
    }

    /** Why the {@code user} and {@code group} the request names are not the identity it acts with, if they are not. */
    private static Optional<String> refusal(HttpServletRequest request, String actingUser, Set<String> groups, String loginName) {
        String claimedUser = request.getParameter(USER);
        if (claimedUser != null && !claimedUser.equals(actingUser) && !claimedUser.equals(loginName)) {
            return Optional.of("You are logged in as " + loginName + "; the acting user comes from the login, not from the 'user' parameter");
        }
        String[] claimedGroups = request.getParameterValues(GROUP);
        if (claimedGroups != null) {
            for (String group : claimedGroups) {
                if (!groups.contains(group)) {
                    return Optional.of(actingUser + " is not in group '" + group + "'; the groups come from the login, not from the 'group' parameter");
                }
            }
        }
        return Optional.empty();
    }

    /** The rest of the request runs as the absent user for Kogito, with the login as its principal. */
    private void actOnBehalf(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Authentication login,
            String absentUser) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(TASK_API) && !path.startsWith(TASK_API + "/") && !path.startsWith(TASK_PAGES)) {
            refuse(request, response, "Acting on behalf of another user is possible on tasks only (" + TASK_API + ", " + TASK_PAGES + ")");
            return;
        }
        Optional<List<String>> absentGroups = substitutes.groupsWhileStandingIn(login.getName(), absentUser, Instant.now());
        if (absentGroups.isEmpty()) {
            refuse(request, response, absentUser + " has not named " + login.getName() + " as substitute for this time; "
                    + login.getName() + " cannot act on their behalf");
            return;
        }
        Optional<String> refusal = refusal(request, absentUser, Set.copyOf(absentGroups.get()), login.getName());
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        request.setAttribute(OnBehalfOf.ATTRIBUTE, new OnBehalfOf(login.getName(), absentUser));
        SecurityContext own = SecurityContextHolder.getContext();
        SecurityContext absent = SecurityContextHolder.createEmptyContext();
        absent.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(absentUser, null,
                AuthorityUtils.createAuthorityList(absentGroups.get())));
        SecurityContextHolder.setContext(absent);
        try {
            chain.doFilter(new LoggedInIdentity(request, absentUser, absentGroups.get(), login), response);
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }

    private static String onBehalfOf(HttpServletRequest request) {
        String header = request.getHeader(OnBehalfOf.HEADER);
        String named = header != null && !header.isBlank() ? header : request.getParameter(OnBehalfOf.PARAMETER);
        return named == null || named.isBlank() ? null : named.trim();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        refusals.refused(request, HttpStatus.FORBIDDEN, reason);
        problems.write(response, HttpStatus.FORBIDDEN, "Identity from the login only", reason);
    }

    /**
     * The request with {@code user} and {@code group} set to the acting user's name and groups; when acting on
     * somebody's behalf, the principal is still the login.
     */
    private static final class LoggedInIdentity extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final Authentication login;

        LoggedInIdentity(HttpServletRequest request, String user, List<String> groups, Authentication login) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
            all.put(USER, new String[] {user});
            all.put(GROUP, groups.toArray(String[]::new));
            all.remove(OnBehalfOf.PARAMETER);
            this.parameters = Collections.unmodifiableMap(all);
            this.login = login;
        }

        @Override
        public Principal getUserPrincipal() {
            return login != null ? login : super.getUserPrincipal();
        }

        @Override
        public String getRemoteUser() {
            return login != null ? login.getName() : super.getRemoteUser();
        }

        @Override
        public boolean isUserInRole(String role) {
            return login != null ? login.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(role))
                    : super.isUserInRole(role);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
