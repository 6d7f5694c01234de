package app.carryover.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.carryover.system.ServerSettings;

/**
 * Who may reach which address before any handler runs: public sign-in pages, the second-factor
 * step for people halfway through sign-in, and everything else only for people fully signed in.
 * What each signed-in person may do is then decided per handler ({@code @Access}) and per object
 * in the services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String[] PUBLIC_PATHS = {"/signin", "/signin/link", "/signin/link/sent", "/signin/reset",
            "/signin/reset/**", "/setup", "/invitations/**", "/r/**", "/unsubscribe/**", "/calendar/**", "/hooks/**",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
            "/sw.js", "/manifest.webmanifest", "/offline",
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs",
            "/v3/api-docs/**", "/fhir/r4/metadata"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id with OWASP's recommended cost: 19 MiB of memory, 2 passes, one lane.
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, AccountUserDetailsService users, PasswordEncoder encoder,
            SignInThrottle throttle, SignInCompletion completion, SignInLinks links,
            SecurityContextRepository contexts, app.carryover.audit.AuditTrail audit, ApiTokens tokens,
            ServerSettings server,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) throws Exception {
        // The only ways in: the throttled password check and one-time links. Built here, with no
        // parent manager, so no framework default can authenticate around the throttle.
        ProviderManager signIn = new ProviderManager(new PasswordSignIn(users, encoder, throttle),
                new OneTimeTokenAuthenticationProvider(links, users));
        http.authenticationManager(signIn)
                .addFilterBefore(new ApiTokenFilter(tokens),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                // Bearer-token calls carry no cookie a forged page could ride on, so they need no CSRF token.
                // Only calls the token filter authenticates (a bearer on /api/, answered 401 when it is not a
                // valid token) are exempt: a bearer header on a page keeps the page's CSRF check (issue 15).
                // Provider webhooks prove themselves by signature, and one-click unsubscribe (RFC 8058) is
                // posted by the mail client with only the link's secret: neither can carry a CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::authenticatesByToken)
                        .ignoringRequestMatchers("/hooks/**", "/unsubscribe/**"))
                .securityContext(c -> c.securityContextRepository(contexts))
                // Every session-carrying request is checked against the account as it is now (disabled,
                // signed out everywhere, past the session lifetime, roles changed).
                .addFilterAfter(new SessionGuard(jdbc, contexts, audit, clock),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/signin/second-factor", "/signin/second-factor/**")
                        .hasAuthority(SignedInUser.PENDING_SECOND_FACTOR)
                        .requestMatchers("/actuator/prometheus").access(metricsAccess(server.metricsToken()))
                        .anyRequest().hasAuthority(SignedInUser.SIGNED_IN))
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin")
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(completion).failureHandler(failure(users, audit)).permitAll())
                .oneTimeTokenLogin(ott -> ott.tokenService(links).tokenGenerationSuccessHandler(links)
                        .tokenGeneratingUrl("/signin/link/request").loginProcessingUrl("/signin/link")
                        .showDefaultSubmitPage(false).loginPage("/signin")
                        .authenticationSuccessHandler(completion)
                        .authenticationFailureHandler((req, res, e) -> res.sendRedirect("/signin?link-expired")))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signed-out")
                        .deleteCookies("CARRYOVER_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((req, res, e) -> {
                            if (isApi(req)) {
                                problem(res, HttpStatus.UNAUTHORIZED, "Sign in or send an API token.");
                            } else {
                                new org.springframework.security.web.savedrequest.HttpSessionRequestCache()
                                        .saveRequest(req, res);
                                res.sendRedirect(req.getContextPath() + "/signin");
                            }
                        })
                        .accessDeniedHandler(denied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()"))
                        .frameOptions(frame -> frame.deny()));
        if (servedOverHttps(server.baseUrl())) {
            // Behind a proxy that is not named as trusted, Tomcat sees plain HTTP; the public address decides.
            http.headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.disable())
                    .addHeaderWriter(strictTransportSecurity()));
        }
        return http.build();
    }

    /** Whether people reach Carryover over HTTPS (its public address says so), whatever the proxy tells Tomcat. */
    static boolean servedOverHttps(String baseUrl) {
        return baseUrl != null && baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** HSTS for a year on every response, not only on requests Tomcat sees as secure. */
    static org.springframework.security.web.header.HeaderWriter strictTransportSecurity() {
        org.springframework.security.web.header.writers.HstsHeaderWriter writer =
                new org.springframework.security.web.header.writers.HstsHeaderWriter();
        writer.setRequestMatcher(org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE);
        writer.setMaxAgeInSeconds(365L * 24 * 3600);
        writer.setIncludeSubDomains(true);
        return writer;
    }

    /** The session cookie is Secure whenever the public address is HTTPS (issue 15: it followed the proxy setting). */
    @Bean
    org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer secureSessionCookie(
            ServerSettings server) {
        return serializer -> {
            if (servedOverHttps(server.baseUrl())) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /**
     * Wrong credentials get one message whatever was wrong, so the form reveals no accounts. Each checked
     * failure is audited; attempts refused while throttled are not (they are counted by the throttle), so
     * guessing cannot flood a practice's audit: at most {@value SignInThrottle#PER_ACCOUNT} rows per account
     * and {@value SignInThrottle#PER_ADDRESS} per address in 15 minutes.
     */
    private static AuthenticationFailureHandler failure(AccountUserDetailsService users,
            app.carryover.audit.AuditTrail audit) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String email = request.getParameter("email");
            if (e instanceof SignInThrottle.Throttled) {
                response.sendRedirect(request.getContextPath() + "/signin?throttled");
                return;
            }
            try {
                SignedInUser user = users.loadUserByUsername(email == null ? "" : email);
                audit.recordNow(app.carryover.audit.AuditEntry.by(user.actor(), null,
                        app.carryover.audit.AuditAction.SIGN_IN_FAILED, "account", user.actor().accountId(),
                        "wrong password"));
            } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
                audit.recordNow(new app.carryover.audit.AuditEntry(null, null, "unknown address", null,
                        app.carryover.audit.AuditAction.SIGN_IN_FAILED, "account", null, "no account has this address"));
            }
            response.sendRedirect(request.getContextPath() + "/signin?error");
        };
    }

    private static AccessDeniedHandler denied() {
        return (request, response, e) -> {
            Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            boolean pending = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> SignedInUser.PENDING_SECOND_FACTOR.equals(a.getAuthority()));
            if (isApi(request)) {
                problem(response, HttpStatus.FORBIDDEN, e.getMessage() != null && e.getMessage().contains("CSRF")
                        ? "The request lacks a valid CSRF token." : "You are not allowed to do this.");
            } else if (pending) {
                response.sendRedirect(request.getContextPath() + "/signin/second-factor");
            } else if (auth != null && request.getRequestURI().startsWith("/signin/second-factor")) {
                response.sendRedirect(request.getContextPath() + "/");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }

    /** Prometheus scraping: an admin's session, or the configured scrape token. */
    private static AuthorizationManager<RequestAuthorizationContext> metricsAccess(String token) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return (authentication, context) -> {
            String header = context.getRequest().getHeader("Authorization");
            boolean tokenMatches = !token.isBlank() && header != null
                    && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
            Authentication auth = authentication.get();
            boolean admin = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
            return new AuthorizationDecision(tokenMatches || admin);
        };
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/fhir/");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
