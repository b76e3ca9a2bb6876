package com.livegov.governance.security;

import static com.livegov.governance.security.Group.ADMIN;
import static com.livegov.governance.security.Group.DIRECTOR;
import static com.livegov.governance.security.Group.HR;
import static com.livegov.governance.security.Group.LEGAL;
import static com.livegov.governance.security.Group.MONITORING;
import static com.livegov.governance.security.Group.OPS;
import static com.livegov.governance.security.Group.OPS_MANAGER;
import static com.livegov.governance.security.Group.STREAMER;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.config.UnavailableDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. Every request is denied unless a rule below allows it, Kogito's generated endpoints
 * included. Logins: a form for the browser, HTTP Basic for scripts, and bearer tokens when the OIDC
 * resource-server mode is switched on. Users, groups and password hashes are read from PostgreSQL.
 */
@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfig {

    /**
     * The workbench's pages load scripts, styles, fonts and images from this application only; no inline
     * script (the pages have none), no plugin, no framing. Inline style attributes stay allowed: the diagram
     * and form libraries set them on the elements they draw.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation (metric and trace span) per security filter and per authorization: Spring Security wraps each
     * of the chain's filters in one on every request. Requests are still observed as a whole
     * ({@code http.server.requests}), and refusals and failed logins are in the audit trail.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, with character rules that do not cost a regular expression per header read. */
    @Bean
    WebSecurityCustomizer firewallCharacters() {
        return web -> web.httpFirewall(FirewallCharacters.firewall());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcDaoImpl userDetailsService(DataSource dataSource) {
        JdbcDaoImpl users = new JdbcDaoImpl();
        users.setDataSource(dataSource);
        users.setUsersByUsernameQuery("select username, password, enabled from governance.users where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, group_name from governance.user_groups where username = ?");
        return users;
    }

    @Bean
    CachedCredentials cachedCredentials(JdbcDaoImpl users, PasswordEncoder passwords, IdentityProperties properties) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(passwords);
        checked.setUserDetailsService(users);
        return new CachedCredentials(checked, properties.credentialCache());
    }

    @Bean
    AuthenticationManager authenticationManager(CachedCredentials credentials, ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(credentials);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** The identity filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<IdentityParameters> identityParametersOutsideTheChain(IdentityParameters filter) {
        FilterRegistrationBean<IdentityParameters> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper json, RefusalLog refusals, UnavailableDatabase unavailable) {
        return new ProblemResponses(json, refusals, unavailable);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems,
            IdentityProperties properties, IdentityParameters identityParameters, ObjectProvider<JwtDecoder> tokens,
            ApplicationEventPublisher events) throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(rules -> authorize(rules, properties.processStarters()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // a browser asking for a page gets the login form (Spring's own page); every other client a 401 problem
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problems, request -> !ProblemResponses.wantsPage(request))
                        .accessDeniedHandler(problems))
                // a forged cross-site request rides on a browser session: requests with their own credentials
                // (an Authorization header) or without a session need no token; the login form always does
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null && !request.getRequestURI().equals(request.getContextPath() + "/login")))
                .addFilterAfter(identityParameters, AuthorizationFilter.class);
        if (properties.oidc().enabled()) {
            JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
            groups.setAuthoritiesClaimName(properties.oidc().rolesClaim());
            groups.setAuthorityPrefix("");
            JwtAuthenticationConverter claims = new JwtAuthenticationConverter();
            claims.setJwtGrantedAuthoritiesConverter(groups);
            JwtAuthenticationProvider checked = new JwtAuthenticationProvider(tokens.getObject());
            checked.setJwtAuthenticationConverter(claims);
            // bearer tokens have their own manager: the shared one knows passwords only
            ProviderManager bearer = new ProviderManager(checked);
            bearer.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.authenticationManager(bearer))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    /**
     * The README's table "Who may call what", in code. {@code AccessTableIT} walks that table row by row against
     * the running application, as every group and without a login, so the two cannot drift apart.
     */
    private static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            Map<String, List<String>> processStarters) {
        String[] staff = Group.ids(Group.staff());
        rules.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                // the workbench: its static assets are public, its pages need a login; each page controller checks
                // the groups of its page (see WorkbenchPages), as the API rules below do for the API
                .requestMatchers(HttpMethod.GET, "/vendor/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                .requestMatchers(HttpMethod.GET, WorkbenchPages.PAGES).authenticated()
                .requestMatchers(HttpMethod.POST, WorkbenchPages.FORMS).authenticated()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                // the inbox: Kogito shows and lets act on only the tasks of the logged-in user and their groups
                .requestMatchers("/usertasks/instance", "/usertasks/instance/**").authenticated()
                // the task page's context and comments: any login; taskcontext/ shows only the tasks Kogito's rule lets the user see
                .requestMatchers("/tasks/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/decisions").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.POST, "/decisions/*").hasAnyAuthority(Group.ids(LEGAL, HR, ADMIN))
                // decision versions: staff read; every change is further limited to the model's owner groups (DecisionChanges)
                .requestMatchers(HttpMethod.GET, "/decision-models", "/decision-models/**").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.POST, "/decision-models/**").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.PUT, "/decision-models/**").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.GET, "/accounts/streamers/{streamerId}").access(staffOrSelf())
                .requestMatchers(HttpMethod.GET, "/accounts/*/actions").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.GET, "/history/streamers/{streamerId}").access(staffOrSelf())
                .requestMatchers(HttpMethod.GET, "/history/process-instances/*").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.GET, "/offboarding/{streamerId}/timeline").access(staffOrSelf())
                .requestMatchers(HttpMethod.GET, "/onboarding/{streamerId}").access(staffOrSelf())
                .requestMatchers(HttpMethod.POST, "/traffic-alerts").hasAnyAuthority(Group.ids(OPS, OPS_MANAGER, MONITORING))
                .requestMatchers(HttpMethod.GET, "/traffic-alerts/*").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.GET, "/violations/*").hasAnyAuthority(staff)
                // reviews and settlements: the director reads them; running one (and loading a month's figures) is for
                // the groups that may start its process (governance.security.process-starters), as over Kogito's start
                .requestMatchers(HttpMethod.GET, "/permission-reviews", "/permission-reviews/**").hasAnyAuthority(Group.ids(OPS_MANAGER, DIRECTOR, ADMIN))
                .requestMatchers("/permission-reviews", "/permission-reviews/**").hasAnyAuthority(starters(processStarters, "permissionReview"))
                .requestMatchers(HttpMethod.GET, "/commission-settlements", "/commission-settlements/**").hasAnyAuthority(Group.ids(HR, DIRECTOR, ADMIN))
                .requestMatchers("/commission-settlements", "/commission-settlements/**").hasAnyAuthority(starters(processStarters, "commissionSettlement"))
                // the monthly performance assessment: HR (and admin) load the scores and start a month; a streamer's record is for
                // HR, legal, admin, the director, ops-managers (PerformanceController lets only the streamer's own one through)
                // and the streamer themself
                .requestMatchers(HttpMethod.GET, "/performance/{streamerId}").access(groupsOrSelf(HR, LEGAL, ADMIN, DIRECTOR, OPS_MANAGER))
                .requestMatchers(HttpMethod.POST, "/performance-assessments", "/performance-assessments/figures/*").hasAnyAuthority(Group.ids(HR, ADMIN))
                .requestMatchers("/audit/evidence/**").hasAnyAuthority(Group.ids(LEGAL, ADMIN))
                .requestMatchers("/audit", "/audit/**").hasAnyAuthority(Group.ids(ADMIN, LEGAL))
                .requestMatchers("/admin/**").hasAuthority(ADMIN.id());
        // the inbox (issue 10): any logged-in user; its controllers check team-lead rights themselves
        rules.requestMatchers("/inbox/**").authenticated();
        // imports of existing streamers, their sub-accounts, grants and backups (imports/ImportController)
        rules.requestMatchers("/imports/**").hasAnyAuthority(Group.ids(ADMIN, HR));
        // Kogito's process endpoints: start by the groups configured per process, read by staff, abort by admin
        // (recorded as the process's end); every other generated endpoint (variables, signals, work items) stays
        // closed: processes move through their tasks
        processStarters.forEach((processId, groups) -> rules
                .requestMatchers(HttpMethod.POST, "/" + processId).hasAnyAuthority(groups.toArray(String[]::new))
                .requestMatchers(HttpMethod.GET, "/" + processId, "/" + processId + "/*", "/" + processId + "/*/tasks").hasAnyAuthority(staff)
                .requestMatchers(HttpMethod.DELETE, "/" + processId + "/*").hasAuthority(ADMIN.id()));
        rules.anyRequest().denyAll();
    }

    /** The groups that may start the process; nobody when the configuration names none. */
    private static String[] starters(Map<String, List<String>> processStarters, String processId) {
        List<String> groups = processStarters.getOrDefault(processId, List.of());
        return groups.isEmpty() ? new String[] {"nobody: no group may start " + processId} : groups.toArray(String[]::new);
    }

    /** The groups, or the streamer whose records these are. */
    private static AuthorizationManager<RequestAuthorizationContext> groupsOrSelf(Group... allowed) {
        List<String> readers = Arrays.asList(Group.ids(allowed));
        return (Supplier<Authentication> login, RequestAuthorizationContext request) -> {
            Authentication who = login.get();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            List<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            boolean self = groups.contains(STREAMER.id()) && who.getName().equals(request.getVariables().get("streamerId"));
            return new AuthorizationDecision(self || groups.stream().anyMatch(readers::contains));
        };
    }

    /** Staff, or the streamer whose records these are. */
    private static AuthorizationManager<RequestAuthorizationContext> staffOrSelf() {
        List<String> staff = Arrays.asList(Group.ids(Group.staff()));
        return (Supplier<Authentication> login, RequestAuthorizationContext request) -> {
            Authentication who = login.get();
            if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            List<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            boolean self = groups.contains(STREAMER.id()) && who.getName().equals(request.getVariables().get("streamerId"));
            return new AuthorizationDecision(self || groups.stream().anyMatch(staff::contains));
        };
    }
}
