package com.livegov.governance.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kogito's generated endpoints take the acting user and groups from the {@code user} and {@code group} query
 * parameters. Here they come from the login only: a request naming another user, or a group the user is not
 * in, is refused (403) and recorded; every request of a logged-in user carries their own name and groups in
 * those parameters, whatever the client sent.
 */
@Component
class IdentityParameters extends OncePerRequestFilter {

    static final String USER = "user";
    static final String GROUP = "group";

    private final ProblemResponses problems;
    private final RefusalLog refusals;

    IdentityParameters(ProblemResponses problems, RefusalLog refusals) {
        this.problems = problems;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || login instanceof AnonymousAuthenticationToken || !login.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        String claimedUser = request.getParameter(USER);
        if (claimedUser != null && !claimedUser.equals(login.getName())) {
            refuse(request, response, "You are logged in as " + login.getName() + "; the acting user comes from the login, not from the 'user' parameter");
            return;
        }
        String[] claimedGroups = request.getParameterValues(GROUP);
        if (claimedGroups != null) {
            for (String group : claimedGroups) {
                if (!groups.contains(group)) {
                    refuse(request, response, login.getName() + " is not in group '" + group + "'; the groups come from the login, not from the 'group' parameter");
                    return;
                }
            }
        }
        chain.doFilter(new LoggedInIdentity(request, login.getName(), List.copyOf(groups)), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        refusals.refused(request, HttpStatus.FORBIDDEN, reason);
        problems.write(response, HttpStatus.FORBIDDEN, "Identity from the login only", reason);
    }

    /** The request with {@code user} and {@code group} set to the logged-in user's name and groups. */
    private static final class LoggedInIdentity extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        LoggedInIdentity(HttpServletRequest request, String user, List<String> groups) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
            all.put(USER, new String[] {user});
            all.put(GROUP, groups.toArray(String[]::new));
            this.parameters = Collections.unmodifiableMap(all);
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
