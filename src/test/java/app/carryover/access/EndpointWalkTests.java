package app.carryover.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
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
import app.carryover.system.ClinicianOnly;
import app.carryover.testing.CarryoverTest;
import app.carryover.testing.TestClock;

/**
 * The endpoint walk. It discovers every registered handler and calls it as every kind of caller
 * (see {@link Caller}) with the real ids of objects that exist but belong to someone else. A
 * caller outside the object's practice or care team must get 404, a wrong role 403, and a
 * refused write must leave every table as it was; the rightful caller must succeed (the positive
 * control); and nothing sent to a client may carry a clinician-only field.
 */
@CarryoverTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointWalkTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Tables whose rows legitimately change on any call (sessions, the audit itself, throttling, events). */
    private static final Set<String> UNTRACKED = Set.of("audit_event", "audit_seal", "audit_sealer", "spring_session",
            "spring_session_attributes", "sign_in_failure", "link_request", "event_publication", "flyway_schema_history");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    World world;
    Map<String, Sample> samples;
    Set<String> clinicianOnlyNames;

    record Endpoint(String method, String pattern, HandlerMethod handler, AccessRule rule) {
        String key() {
            return method + " " + pattern;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        Set<String> variables() {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    @BeforeAll
    void world() throws Exception {
        world = new World(context, mvc, clock);
        samples = WalkSamples.all();
        clinicianOnlyNames = clinicianOnlyFieldNames();
    }

    @AfterAll
    void resetClock() {
        clock.reset();
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
            Set<String> methods = new LinkedHashSet<>();
            e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, pattern, handler, access == null ? null : access.value()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    @Test
    void everyHandlerDeclaresAnAccessRule() {
        List<String> missing = endpoints().stream().filter(e -> e.rule() == null)
                .map(e -> e.key() + " → " + e.handler().getShortLogMessage()).toList();
        assertThat(missing).as("handlers without @Access").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(40);
    }

    /**
     * The declared rules match the reviewed list in docs/access-rules.md, so weakening a rule (which
     * would also weaken this walk's expectations) shows up as a change to that file in review.
     * Regenerate it with {@code -Dcarryover.writeAccessRules=true} after a deliberate change.
     */
    @Test
    void declaredRulesMatchTheReviewedList() throws Exception {
        StringBuilder table = new StringBuilder("""
                # Access rules

                Every web and API handler and the rule it declares (`@Access`). The endpoint walk checks that
                this list matches the code, so a change of rule is visible in review. Regenerate with
                `./mvnw verify -Dtest=EndpointWalkTests -Dcarryover.writeAccessRules=true`.

                | method | path | rule |
                |---|---|---|
                """);
        for (Endpoint e : endpoints()) {
            table.append("| ").append(e.method()).append(" | `").append(e.pattern()).append("` | ")
                    .append(e.rule()).append(" |\n");
        }
        java.nio.file.Path file = java.nio.file.Path.of("docs", "access-rules.md");
        if (Boolean.getBoolean("carryover.writeAccessRules")) {
            java.nio.file.Files.writeString(file, table.toString());
        }
        assertThat(java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "")
                .as("docs/access-rules.md lists every handler's rule (regenerate after a deliberate change)")
                .isEqualTo(table.toString());
    }

    @Test
    void everyHandlerThatTakesInputHasASampleAndEverySampleAHandler() {
        Set<String> keys = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            keys.add(e.key());
            if (e.writes() && e.rule() != AccessRule.PUBLIC && !samples.containsKey(e.key())) {
                missing.add(e.key());
            }
        }
        assertThat(missing).as("write handlers without a sample in WalkSamples").isEmpty();
        assertThat(samples.keySet()).as("samples for handlers that no longer exist").allMatch(keys::contains);
    }

    @TestFactory
    Stream<DynamicNode> everyHandlerAsEveryCaller() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.rule() == null || endpoint.rule() == AccessRule.PUBLIC) {
                continue;
            }
            Sample sample = samples.getOrDefault(endpoint.key(), Sample.none());
            List<DynamicNode> calls = new ArrayList<>();
            calls.add(DynamicTest.dynamicTest("set up", () -> sample.before.accept(world)));
            List<Caller> order = new ArrayList<>(Arrays.asList(Caller.values()));
            order.sort(Comparator.comparing(c -> expected(endpoint, c, sample) == Expect.OK));
            assertThat(order.stream().anyMatch(c -> expected(endpoint, c, sample) == Expect.OK))
                    .as("%s has a positive control (someone who may call it)", endpoint.key()).isTrue();
            for (Caller caller : order) {
                Expect expect = expected(endpoint, caller, sample);
                calls.add(DynamicTest.dynamicTest(caller + " → " + expect, () -> call(endpoint, caller, sample, expect)));
            }
            calls.add(DynamicTest.dynamicTest("clean up", () -> sample.after.accept(world)));
            nodes.add(DynamicContainer.dynamicContainer(endpoint.key() + " [" + endpoint.rule() + "]", calls));
        }
        return nodes.stream();
    }

    /** What the handler's rule implies for this caller, unless the sample says otherwise (and why). */
    static Expect expected(Endpoint endpoint, Caller caller, Sample sample) {
        if (sample.overrides.containsKey(caller)) {
            return sample.overrides.get(caller);
        }
        AccessRule rule = endpoint.rule();
        if (!rule.admits(caller.roles)) {
            return Expect.FORBIDDEN;
        }
        Set<String> vars = endpoint.variables();
        boolean clientObject = vars.stream().anyMatch(World.CLIENT_OBJECTS::contains);
        boolean practiceObject = vars.stream().anyMatch(World.PRACTICE_OBJECTS::contains);
        if (caller.isForeign() && (clientObject || practiceObject)) {
            return Expect.NOT_FOUND;
        }
        return switch (rule) {
            case PUBLIC, SIGNED_IN, ADMIN -> Expect.OK;
            case STAFF, CLINICIAN, CARE_TEAM_READ -> clientObject && caller == Caller.OTHER_CLINICIAN
                    ? Expect.NOT_FOUND : Expect.OK;
            case CARE_TEAM_WRITE -> caller == Caller.OTHER_CLINICIAN ? Expect.NOT_FOUND
                    : caller == Caller.SUPERVISOR ? Expect.FORBIDDEN : Expect.OK;
            case CLIENT_SELF -> clientObject && caller != Caller.CLIENT ? Expect.NOT_FOUND : Expect.OK;
        };
    }

    private void call(Endpoint endpoint, Caller caller, Sample sample, Expect expect) throws Exception {
        String path = endpoint.pattern();
        for (String var : endpoint.variables()) {
            String value = world.ids.get(var);
            assertThat(value).as("the walk knows a real object for {%s}; add it to World", var).isNotNull();
            path = path.replace("{" + var + "}", value);
        }
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), path);
        if (endpoint.writes()) {
            if (sample.json != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(sample.json.apply(world, caller));
            } else {
                sample.form.apply(world, caller).forEach(request::param);
            }
        }
        if (endpoint.writes() && expect != Expect.OK) {
            // Background work started by an earlier call (event listeners planning reminders) settles first.
            world.awaitEvents();
        }
        String before = endpoint.writes() && expect != Expect.OK ? fingerprint() : null;
        if (expect == Expect.OK) {
            sample.beforeEachSuccess.accept(world);
        }
        MvcResult result = world.sessions.get(caller).perform(request);
        if (expect == Expect.OK) {
            sample.afterEachSuccess.accept(world);
        }
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        assertThat(expect.matches(status, redirect))
                .as("%s as %s: expected %s%s, got %d%s", endpoint.key(), caller, expect,
                        sample.why.isEmpty() ? "" : " (" + sample.why + ")", status,
                        redirect == null ? "" : " → " + redirect)
                .isTrue();
        if (before != null) {
            world.awaitEvents();
            assertThat(fingerprint()).as("%s as %s was refused but changed data", endpoint.key(), caller).isEqualTo(before);
        }
        if (caller.isClient() && expect == Expect.OK) {
            String body = result.getResponse().getContentAsString();
            for (String name : clinicianOnlyNames) {
                assertThat(body).as("%s sent clinician-only field '%s' to %s", endpoint.key(), name, caller)
                        .doesNotContain("\"" + name + "\":");
            }
        }
    }

    /** A digest of every table that holds practice data, to prove a refused write changed nothing. */
    private String fingerprint() {
        if (fingerprint == null) {
            fingerprint = new DataFingerprint(jdbc, UNTRACKED, world.practice.id(), world.foreign.id());
        }
        return fingerprint.take();
    }

    private DataFingerprint fingerprint;

    /** The names of every field marked {@link ClinicianOnly}, found by scanning the application's classes. */
    static Set<String> clinicianOnlyFieldNames() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<String> names = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("app.carryover")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                for (var component : type.getRecordComponents()) {
                    if (component.isAnnotationPresent(ClinicianOnly.class)) {
                        names.add(component.getName());
                    }
                }
            }
            for (var field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(ClinicianOnly.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}
