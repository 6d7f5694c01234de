package app.carryover.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * A browser's session against MockMvc: keeps the session cookie between requests and sends a
 * valid CSRF token, as a page's forms would. A session made by {@link #signIn} signs in again, as
 * its person would, when a test has moved the clock past the practice's default absolute session
 * lifetime (12 hours, however active) since it signed in; tests of that lifetime itself use
 * {@link #signInOnce}, whose session simply ends.
 */
public final class WebSession {

    public static final String COOKIE = "CARRYOVER_SESSION";

    /** The practice setting's default (practice.SessionGuard): a session ends this long after its sign-in. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final MockMvc mvc;
    private Cookie session;
    private Fixtures.Person person;
    private Clock clock;
    private Instant signedInAt;

    public WebSession(MockMvc mvc) {
        this.mvc = mvc;
    }

    /**
     * Signs in through the real pages: password, then the second factor when the account has one.
     * The session signs in again by itself once the clock has passed the default session lifetime.
     */
    public static WebSession signIn(MockMvc mvc, Fixtures.Person person, Clock clock) throws Exception {
        WebSession web = signInOnce(mvc, person, clock);
        web.person = person;
        web.clock = clock;
        return web;
    }

    /** Signs in as {@link #signIn} does, for a session that ends like any other (never signs in again by itself). */
    public static WebSession signInOnce(MockMvc mvc, Fixtures.Person person, Clock clock) throws Exception {
        WebSession web = new WebSession(mvc);
        web.signInAs(person, clock);
        return web;
    }

    private void signInAs(Fixtures.Person who, Clock at) throws Exception {
        session = null;
        signedInAt = at.instant();
        MvcResult first = perform(post("/signin").param("email", who.email()).param("password", Fixtures.PASSWORD));
        String target = first.getResponse().getRedirectedUrl();
        if (target != null && target.endsWith("/signin/second-factor")) {
            first = perform(post("/signin/second-factor")
                    .param("code", TestTotp.code(who.totpSecret(), at.instant())));
            target = first.getResponse().getRedirectedUrl();
        }
        assertThat(target).as("sign-in of %s: %d %s", who.email(), first.getResponse().getStatus(),
                first.getResponse().getContentAsString().replaceAll("(?s).*<main[^>]*>(.*?)</main>.*", "$1").strip()).endsWith("/");
    }

    /**
     * Creates an API token on the settings page, confirmed with the person's current TOTP code (the
     * caller moves the clock past the code used to sign in); the page shows the token once.
     */
    public MvcResult createApiToken(Fixtures.Person person, Clock clock, String name, boolean readOnly) throws Exception {
        return perform(post("/settings/tokens").param("name", name).param("days", "90")
                .param("readOnly", String.valueOf(readOnly)).param("code", TestTotp.code(person.totpSecret(), clock.instant())));
    }

    /** The token shown once on the page {@link #createApiToken} answers with. */
    public static String apiTokenIn(String html) {
        return html.replaceAll("(?s).*<code class=\"secret\">(co_[A-Za-z0-9_-]+)</code>.*", "$1");
    }

    /** Performs a request (plain or multipart) in this session, with a CSRF token. */
    public MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return performRaw(request.with(csrf()));
    }

    /** Performs a request in this session exactly as given (no CSRF token added). */
    public MvcResult performRaw(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (person != null && !clock.instant().isBefore(signedInAt.plus(DEFAULT_LIFETIME))) {
            Fixtures.Person again = person;
            person = null;
            signInAs(again, clock);
            person = again;
        }
        if (session != null) {
            request.cookie(session);
        }
        MvcResult result = mvc.perform(request).andReturn();
        Cookie updated = result.getResponse().getCookie(COOKIE);
        if (updated != null) {
            session = updated.getMaxAge() == 0 ? null : updated;
        }
        return result;
    }

    /** The text a person reads on the page at this address (tags removed, entities decoded, spaces collapsed). */
    public String read(String path) throws Exception {
        MvcResult result = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
        assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(200);
        return textOf(result);
    }

    /** Follows a redirect as a browser would, answering the text of the page it leads to. */
    public String follow(MvcResult result) throws Exception {
        String target = result.getResponse().getRedirectedUrl();
        assertThat(target).as("a redirect").isNotNull();
        return read(target.replaceAll("#.*", ""));
    }

    /** The text a person reads in a response's page. */
    public static String textOf(MvcResult result) throws Exception {
        String html = result.getResponse().getContentAsString();
        String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("<[^>]+>", " ");
        return org.springframework.web.util.HtmlUtils.htmlUnescape(body).replaceAll("\\s+", " ").strip();
    }

    public Cookie sessionCookie() {
        return session;
    }
}
