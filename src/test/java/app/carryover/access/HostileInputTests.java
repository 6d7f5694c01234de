package app.carryover.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.testing.Browser;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.Fixtures;
import app.carryover.testing.TestClock;
import app.carryover.testing.TestTotp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15's hostile-input corpus, over every handler the endpoint walk knows, each called by a caller who
 * may call it: bodies past the limit, malformed UTF-8, the wrong content type, JSON nested 100,000 deep,
 * and markup in every text field, one field at a time. No answer may be a 5xx; a refused request must leave
 * every table as it was; and afterwards every page those callers can open is loaded in Chromium, where no
 * injected script or handler may run and no injected element may appear.
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    /** Markup that runs wherever it is not escaped; its text names the field it was put in. */
    static final String MARK = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @LocalServerPort
    int port;

    World world;
    Map<String, Sample> samples;
    final List<String> failures = new ArrayList<>();
    int calls;

    @BeforeAll
    void world() throws Exception {
        world = new World(context, mvc, clock);
        samples = WalkSamples.all();
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    record Endpoint(String method, String pattern, AccessRule rule) {
        String key() {
            return method + " " + pattern;
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("app.carryover")) {
                continue;
            }
            Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
            if (access == null) {
                access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (var m : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(m.name(), pattern, access == null ? null : access.value()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private String path(Endpoint endpoint) {
        String path = endpoint.pattern();
        for (String var : world.ids.keySet()) {
            path = path.replace("{" + var + "}", world.ids.get(var));
        }
        return path;
    }

    /** The first caller who may call the handler, as the walk decides it. */
    private Caller rightful(Endpoint endpoint, Sample sample) {
        EndpointWalkTests.Endpoint walked = new EndpointWalkTests.Endpoint(endpoint.method(), endpoint.pattern(), null,
                endpoint.rule());
        return Arrays.stream(Caller.values()).filter(c -> EndpointWalkTests.expected(walked, c, sample) == Expect.OK)
                .findFirst().orElse(null);
    }

    @Test
    void noHandlerAnswers5xxOrHalfWritesAndNoInjectedScriptRuns() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.rule() == null || endpoint.rule() == AccessRule.PUBLIC || endpoint.method().equals("GET")
                    || endpoint.pattern().contains("sign-out-everywhere")) {
                continue;
            }
            Sample sample = samples.getOrDefault(endpoint.key(), Sample.none());
            Caller caller = rightful(endpoint, sample);
            if (caller == null) {
                continue;
            }
            prepare(sample.before);
            try {
                corpus(endpoint, sample, caller);
            } finally {
                prepare(sample.after);
            }
        }
        assertThat(failures).as("hostile calls answered badly (of %d calls)", calls).isEmpty();
        assertThat(calls).isGreaterThan(300);
        pagesRunNoInjectedScript();
    }

    /**
     * Runs a sample's set-up or clean-up. The corpus calls a handler many times where the walk calls it once, so
     * a handler that ends the client's assignment (completing it, for one) can leave the walk's set-ups without the
     * open assignment they expect: then the world gets a plain assignment and entry again, and the step is retried.
     */
    private void prepare(java.util.function.Consumer<World> step) {
        try {
            step.accept(world);
        } catch (RuntimeException stale) {
            world.plainAgain();
            step.accept(world);
        }
    }

    private void corpus(Endpoint endpoint, Sample sample, Caller caller) throws Exception {
        byte[] oversized = ("{\"x\":\"" + "a".repeat(13 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        if (sample.json != null) {
            String body = sample.json.apply(world, caller);
            send(endpoint, sample, caller, "oversized JSON", r -> r.contentType(MediaType.APPLICATION_JSON).content(oversized));
            byte[] broken = body.replaceFirst("\"([^\"]*)\"", "\"\u0000$1\"").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < broken.length; i++) {
                if (broken[i] == 0) {
                    broken[i] = (byte) 0xC3;
                    broken = insert(broken, i + 1, (byte) 0x28);
                    break;
                }
            }
            byte[] malformed = broken;
            send(endpoint, sample, caller, "malformed UTF-8", r -> r.contentType(MediaType.APPLICATION_JSON).content(malformed));
            send(endpoint, sample, caller, "text/plain", r -> r.contentType(MediaType.TEXT_PLAIN).content(body));
            send(endpoint, sample, caller, "XML", r -> r.contentType(MediaType.APPLICATION_XML).content("<a>" + body + "</a>"));
            send(endpoint, sample, caller, "deep JSON", r -> r.contentType(MediaType.APPLICATION_JSON)
                    .content("[".repeat(100_000) + "]".repeat(100_000)));
            JsonNode tree = json.readTree(body);
            for (String field : textFields(tree, "")) {
                String poisoned = poison(tree, field).toString();
                send(endpoint, sample, caller, "markup in " + field, r -> r.contentType(MediaType.APPLICATION_JSON)
                        .content(poisoned));
            }
        } else {
            Map<String, String> form = sample.form.apply(world, caller);
            send(endpoint, sample, caller, "JSON to a form", r -> r.contentType(MediaType.APPLICATION_JSON).content("{}"));
            send(endpoint, sample, caller, "malformed UTF-8 form", r -> r.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(formBody(form, "%C3%28%FF")));
            send(endpoint, sample, caller, "oversized form", r -> {
                form.forEach(r::param);
                form.keySet().stream().findFirst().ifPresent(k -> r.param(k, "a".repeat(2 * 1024 * 1024)));
                return r;
            });
            for (String field : form.keySet()) {
                send(endpoint, sample, caller, "markup in " + field, r -> {
                    form.forEach((k, v) -> r.param(k, k.equals(field) ? v + MARK : v));
                    return r;
                });
            }
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte b) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }

    private static String formBody(Map<String, String> form, String bad) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append(bad));
        return b.toString();
    }

    /** The paths of every string value in the tree ("title", "steps[0].situation"). */
    private static List<String> textFields(JsonNode node, String at) {
        List<String> fields = new ArrayList<>();
        if (node.isString()) {
            fields.add(at);
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                fields.addAll(textFields(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.addAll(textFields(node.get(i), at + "[" + i + "]"));
            }
        }
        return fields;
    }

    private static JsonNode poison(JsonNode tree, String field) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy;
        String[] steps = field.split("\\.");
        for (int s = 0; s < steps.length; s++) {
            String step = steps[s];
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            boolean last = s == steps.length - 1;
            if (bracket < 0) {
                if (last) {
                    ((ObjectNode) parent).put(name, parent.get(name).asString() + MARK);
                } else {
                    parent = parent.get(name);
                }
            } else {
                JsonNode array = name.isEmpty() ? parent : parent.get(name);
                int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                if (last) {
                    ((tools.jackson.databind.node.ArrayNode) array).set(index,
                            tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(array.get(index).asString() + MARK));
                } else {
                    parent = array.get(index);
                }
            }
        }
        return copy;
    }

    interface Shape {
        MockHttpServletRequestBuilder apply(MockHttpServletRequestBuilder request);
    }

    private void send(Endpoint endpoint, Sample sample, Caller caller, String what, Shape shape) throws Exception {
        calls++;
        prepare(sample.beforeEachSuccess);
        // Listeners of earlier calls (reminder plans, say) run after their commit: let them finish, so a
        // change they make is not taken for this call's.
        world.awaitEvents();
        String before = fingerprint();
        MockHttpServletRequestBuilder request = shape.apply(request(HttpMethod.valueOf(endpoint.method()), path(endpoint)));
        MvcResult result;
        try {
            result = world.sessions.get(caller).perform(request);
        } catch (Exception thrown) {
            // MockMvc lets an unhandled exception through where a server would answer 500: record it, go on.
            Throwable cause = thrown;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            failures.add(endpoint.key() + " as " + caller + ", " + what + ": threw " + cause);
            return;
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            failures.add(endpoint.key() + " as " + caller + ", " + what + ": " + status);
        } else if (status >= 400) {
            world.awaitEvents();
            String after = fingerprint();
            if (!after.equals(before)) {
                failures.add(endpoint.key() + " as " + caller + ", " + what + ": refused with " + status
                        + " but changed data");
            }
        } else {
            prepare(sample.afterEachSuccess);
        }
    }

    private String fingerprint() {
        if (fingerprint == null) {
            fingerprint = new DataFingerprint(jdbc, Set.of("audit_event", "audit_chain", "audit_seal", "audit_sealer", "spring_session", "spring_session_attributes", "sign_in_failure",
                    "link_request", "event_publication", "flyway_schema_history", "scheduled_tasks", "entry_draft"), world.practice.id(), world.foreign.id());
        }
        return fingerprint.take();
    }

    private DataFingerprint fingerprint;

    /** Every page the clinician, the client and the admin can open, in Chromium, after the corpus. */
    private void pagesRunNoInjectedScript() throws Exception {
        List<String> pages = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.method().equals("GET") && e.rule() != null && !e.pattern().startsWith("/api/")
                    && !e.pattern().startsWith("/v3/") && !e.pattern().matches(".*\\.(csv|pdf|ics)$")
                    && !e.pattern().contains("/download") && !e.pattern().contains("{kind}")) {
                pages.add(path(e));
            }
        }
        Map<String, Integer> visited = new LinkedHashMap<>();
        List<String> ran = new ArrayList<>();
        // The corpus's wrong passwords and codes (markup in "current", in "code") were counted by the sign-in
        // throttle, as they should be: let its 15-minute window pass before signing in for real.
        clock.advance(java.time.Duration.ofMinutes(16));
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            for (Caller caller : List.of(Caller.PRIMARY, Caller.CLIENT, Caller.ADMIN_OFF_TEAM)) {
                browser.clearCookies();
                Fixtures.Person person = world.people.get(caller);
                clock.advance(java.time.Duration.ofSeconds(31));
                browser.go("/signin").type("email", person.email()).type("password", Fixtures.PASSWORD);
                browser.press("Sign in");
                if (person.totpSecret() != null) {
                    browser.type("code", TestTotp.code(person.totpSecret(), clock.instant()));
                    browser.press("Continue");
                }
                for (String page : pages) {
                    browser.go(page);
                    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                    Object flagged = js.executeScript("return window.__xss === 1"
                            + " || document.querySelectorAll('img[src=\"x\"], script:not([src])').length > 0;");
                    visited.merge(caller.name(), 1, Integer::sum);
                    if (Boolean.TRUE.equals(flagged)) {
                        ran.add(caller + " " + page);
                    }
                }
                browser.screenshot("hostile-" + caller.name().toLowerCase() + "-last-page");
            }
        }
        assertThat(ran).as("pages where injected markup ran or appeared (visited %s)", visited).isEmpty();
        assertThat(visited.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(60);
    }
}
