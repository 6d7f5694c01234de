package app.carryover.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * A browser's session against MockMvc: keeps the session cookie between requests and sends a
 * valid CSRF token, as a page's forms would.
 */
public final class WebSession {

    public static final String COOKIE = "CARRYOVER_SESSION";

    private final MockMvc mvc;
    private Cookie session;

    public WebSession(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Signs in through the real pages: password, then the second factor when the account has one. */
    public static WebSession signIn(MockMvc mvc, Fixtures.Person person, Clock clock) throws Exception {
        WebSession web = new WebSession(mvc);
        MvcResult first = web.perform(post("/signin").param("email", person.email()).param("password", Fixtures.PASSWORD));
        String target = first.getResponse().getRedirectedUrl();
        if (target != null && target.endsWith("/signin/second-factor")) {
            first = web.perform(post("/signin/second-factor")
                    .param("code", TestTotp.code(person.totpSecret(), clock.instant())));
            target = first.getResponse().getRedirectedUrl();
        }
        assertThat(target).as("sign-in of %s: %d %s", person.email(), first.getResponse().getStatus(),
                first.getResponse().getContentAsString().replaceAll("(?s).*<main[^>]*>(.*?)</main>.*", "$1").strip()).endsWith("/");
        return web;
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
