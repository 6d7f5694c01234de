package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Clinic;
import app.carryover.testing.Fixtures.TestPractice;
import app.carryover.testing.WebSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The static files a page names keep their versioned URLs (htmx with its webjar version, so a new
 * release is fetched anew), and every other link a page writes is written as it is, without being
 * looked for among the static files (that look-up, uncached and through every nested jar, was most of
 * the caseload's time).
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticResourceUrlsTests {

    private static final Pattern URL = Pattern.compile("(?:href|src|action)=\"(/[^\"]*)\"");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ResourceUrlProvider resourceUrls;

    TestPractice practice;
    String caseload;

    @BeforeAll
    void readTheCaseload(Clinic clinic) throws Exception {
        practice = clinic.practice();
        WebSession clinician = clinic.signIn(practice.clinician());
        MvcResult page = clinician.perform(get("/caseload"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        caseload = page.getResponse().getContentAsString();
    }

    @Test
    void thePagesScriptAndStylesCarryTheirVersionAndAreServed() throws Exception {
        String htmx = "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";
        assertThat(caseload).contains("<script src=\"" + htmx + "\" defer>")
                .doesNotContain("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(caseload).contains("<link rel=\"stylesheet\" href=\"/css/carryover.css\">",
                "<script src=\"/js/carryover.js\" defer>", "<script src=\"/js/offline.js\" defer>");
        for (String file : List.of(htmx, "/css/carryover.css", "/js/carryover.js", "/js/offline.js", "/img/icon-192.png")) {
            MockHttpServletResponse served = mvc.perform(get(file)).andReturn().getResponse();
            assertThat(served.getStatus()).as("GET %s", file).isEqualTo(200);
            assertThat(served.getContentAsByteArray()).as(file).isNotEmpty();
        }
        assertThat(mvc.perform(get(htmx)).andReturn().getResponse().getContentAsString()).contains("htmx");
    }

    @Test
    void ordinaryLinksAreWrittenAsTheyAre() {
        String client = practice.client().clientId().toString();
        assertThat(caseload).contains("href=\"/clients/" + client + "\"", "href=\"/clients/new\"",
                "href=\"/caseload\"", "href=\"/worksheets\"");
    }

    @Test
    void onlyTheStaticFilesOfAPageAreLookedUpAmongTheResources() throws Exception {
        List<String> urls = urlsOf(caseload);
        List<String> files = urls.stream().filter(u -> StaticResourceUrls.isStaticFile(u, "")).toList();
        assertThat(files).contains("/css/carryover.css", "/js/carryover.js");
        assertThat(urls.size()).isGreaterThan(files.size() + 5);

        Written ours = write(new StaticResourceUrls(), urls);
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (files.contains(url)) {
                assertThat(lookedFor(url, ours.asked())).as("%s looked up", url).isTrue();
            } else {
                assertThat(lookedFor(url, ours.asked())).as("%s looked up", url).isFalse();
                assertThat(ours.urls().get(i)).isEqualTo(url);
            }
        }
        // Spring's own filter looks for every one; the page's URLs come out the same either way.
        Written springs = write(new ResourceUrlEncodingFilter(), urls);
        assertThat(urls).allMatch(url -> lookedFor(url, springs.asked()));
        assertThat(ours.urls()).isEqualTo(springs.urls());
        assertThat(ours.urls()).contains("/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js");
    }

    @Test
    void theApplicationWritesItsUrlsThroughThisFilterAlone() {
        List<Object> filters = new ArrayList<>();
        for (FilterRegistrationBean<?> registration : context.getBeansOfType(FilterRegistrationBean.class).values()) {
            if (registration.getFilter() instanceof ResourceUrlEncodingFilter filter) {
                filters.add(filter);
            }
        }
        filters.addAll(context.getBeansOfType(ResourceUrlEncodingFilter.class).values());
        assertThat(filters).hasSize(1).first().isInstanceOf(StaticResourceUrls.class);
    }

    record Written(List<String> urls, List<String> asked) {
    }

    /**
     * The URLs as a page rendered behind the filter writes them, and the paths the filter had looked for
     * among the static files: the application's resource handlers, each with a resolver in front that notes
     * what it is asked.
     */
    private Written write(ResourceUrlEncodingFilter filter, List<String> urls) throws Exception {
        List<String> asked = new ArrayList<>();
        ResourceResolver noting = new ResourceResolver() {
            @Override
            public Resource resolveResource(HttpServletRequest request, String path, List<? extends Resource> locations,
                    ResourceResolverChain chain) {
                return chain.resolveResource(request, path, locations);
            }

            @Override
            public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
                asked.add(path);
                return chain.resolveUrlPath(path, locations);
            }
        };
        Map<String, ResourceHttpRequestHandler> handlers = new LinkedHashMap<>();
        for (var mapped : resourceUrls.getHandlerMap().entrySet()) {
            ResourceHttpRequestHandler noted = new ResourceHttpRequestHandler();
            List<ResourceResolver> resolvers = new ArrayList<>(List.of(noting));
            resolvers.addAll(mapped.getValue().getResourceResolvers());
            noted.setResourceResolvers(resolvers);
            noted.setLocations(mapped.getValue().getLocations());
            noted.afterPropertiesSet();
            handlers.put(mapped.getKey(), noted);
        }
        ResourceUrlProvider provider = new ResourceUrlProvider();
        provider.setHandlerMap(handlers);
        List<String> written = new ArrayList<>();
        filter.doFilter(new MockHttpServletRequest("GET", "/caseload"), new MockHttpServletResponse(), (request, response) -> {
            // as Spring MVC's interceptor does before the page is rendered
            request.setAttribute(ResourceUrlProvider.class.getName(), provider);
            for (String url : urls) {
                written.add(((HttpServletResponse) response).encodeURL(url));
            }
        });
        return new Written(written, asked);
    }

    /** Whether a URL (without its query) was looked for: a handler is asked for its path within the handler's pattern. */
    private static boolean lookedFor(String url, List<String> asked) {
        String path = url.split("[?#]")[0];
        return asked.stream().anyMatch(a -> path.endsWith("/" + a));
    }

    /** Every address the page links to, loads or posts to, as the template named it (versionless htmx). */
    private static List<String> urlsOf(String html) {
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = URL.matcher(html);
        while (m.find()) {
            urls.add(HtmlUtils.htmlUnescape(m.group(1)).replaceFirst("^/webjars/htmx\\.org/[^/]+/dist/", "/webjars/htmx.org/dist/"));
        }
        return new ArrayList<>(urls);
    }

    private static String webjarVersion(String name) throws Exception {
        Properties pom = new Properties();
        try (InputStream in = StaticResourceUrlsTests.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
