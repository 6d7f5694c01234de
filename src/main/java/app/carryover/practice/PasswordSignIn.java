package app.carryover.practice;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the throttle: the attempt is counted before the password is checked, and
 * refused outright while throttled. Every attempt costs one Argon2 check whatever the address: an
 * unknown address, an account without a password (a client who signs in by link), an invited or
 * disabled account are checked against a stand-in hash, so the time taken does not tell them apart
 * (issue 15: 89, 30 and 78 ms told unknown addresses, link-only clients and password holders apart).
 */
class PasswordSignIn implements AuthenticationProvider {

    private final AccountUserDetailsService users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final String standIn;

    PasswordSignIn(AccountUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.standIn = encoder.encode("stand-in for a missing password " + Tokens.newToken());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        SignInThrottle.Attempt attempt = throttle.begin(email, addressOf(authentication));
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignedInUser user;
        try {
            user = users.loadUserByUsername(email);
        } catch (UsernameNotFoundException unknown) {
            user = null;
        }
        boolean hasPassword = user != null && user.getPassword() != null;
        boolean matches = encoder.matches(password, hasPassword ? user.getPassword() : standIn);
        if (!hasPassword || !matches || !user.isEnabled()) {
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(attempt);
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
