package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

import app.carryover.system.ServerSettings;

/**
 * Issue 15 item 9: the session cookie's Secure flag and HSTS followed what Tomcat saw, so behind a proxy
 * that is not named as trusted (Tomcat sees plain HTTP) both were missing. They now follow the public
 * address, {@code CARRYOVER_BASE_URL}. The shared test context runs on http, so the two helpers are
 * checked here, each with a request that arrives over plain HTTP as it does behind such a proxy.
 */
class HttpsByAddressTests {

    private static String sessionCookieFor(String baseUrl) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new SecurityConfiguration().secureSessionCookie(new ServerSettings(baseUrl, "data", "", "", "", false,
                new ServerSettings.Mail("Carryover <no-reply@localhost>"), new ServerSettings.Database(false)))
                .customize(serializer);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSecure(false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(request, response, "session-id"));
        return response.getHeader("Set-Cookie");
    }

    @Test
    void theSessionCookieIsSecureWhenThePublicAddressIsHttpsWhateverTomcatSees() {
        assertThat(sessionCookieFor("https://carryover.example.org")).contains("Secure");
        assertThat(sessionCookieFor("HTTPS://carryover.example.org")).contains("Secure");
        assertThat(sessionCookieFor("http://localhost:8080")).doesNotContain("Secure");
    }

    @Test
    void hstsIsSentOnPlainHttpRequestsWhenThePublicAddressIsHttps() {
        assertThat(SecurityConfiguration.servedOverHttps("https://carryover.example.org")).isTrue();
        assertThat(SecurityConfiguration.servedOverHttps("http://localhost:8080")).isFalse();
        assertThat(SecurityConfiguration.servedOverHttps("")).isFalse();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/signin");
        request.setSecure(false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityConfiguration.strictTransportSecurity().writeHeaders(request, response);
        assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=31536000")
                .contains("includeSubDomains");
    }
}
