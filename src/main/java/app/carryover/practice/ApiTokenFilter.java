package app.carryover.practice;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in an API request that carries {@code Authorization: Bearer co_…}, for that request
 * only (no session). A bearer that is wrong, expired or revoked gets 401 at once.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Whether this filter decides who the request acts for: a bearer header on an API address. */
    static boolean authenticatesByToken(HttpServletRequest request) {
        return hasBearer(request) && SecurityConfiguration.isApi(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !authenticatesByToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("Authorization").substring(7).trim();
        var user = tokens.authenticate(presented, request.getMethod(), request.getRequestURI());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED,
                    "The API token is not valid: it may be mistyped, expired or revoked.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                SignedInUser.fullAuthorities(user.get().actor())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
