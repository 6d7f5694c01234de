package app.carryover.testing;

import java.time.Instant;

import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every {@link CarryoverTest} gets besides Spring's shared context, so no class repeats it:
 * <ul>
 * <li>The {@link TestClock} back where the test's set-up left it, before and after each test: real time
 * for an ordinary class (its {@code @BeforeEach} sets the clock again); the clock as {@code @BeforeAll}
 * left it for a class whose instance lives for the class ({@code Lifecycle.PER_CLASS}); real time again
 * after the class.</li>
 * <li>A {@link Clinic} (a practice with a clinician and a client, signed in on request) for any test,
 * {@code @BeforeEach} or {@code @BeforeAll} method that names one as a parameter: one per test, or one
 * per class when asked for in {@code @BeforeAll}.</li>
 * </ul>
 */
public final class CarryoverExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CarryoverExtension.class);
    private static final String SET_UP_CLOCK = "clock as the class's set-up left it";

    /** The clock's setting when a class's first test began: null for real time. */
    private record SetUp(Instant setting) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        clock(context).reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        backToTheSetUp(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        backToTheSetUp(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        clock(context).reset();
    }

    private void backToTheSetUp(ExtensionContext context) {
        TestClock clock = clock(context);
        if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_METHOD) {
            clock.reset();
            return;
        }
        // The first test of a class that lives for the class starts after @BeforeAll: remember its clock.
        ExtensionContext.Store store = context.getParent().orElseThrow().getStore(NAMESPACE);
        SetUp setUp = store.getOrComputeIfAbsent(SET_UP_CLOCK, key -> new SetUp(clock.setting()), SetUp.class);
        clock.restore(setUp.setting());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Clinic.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stored in the test's context, or the class's for @BeforeAll; a test finds its class's one first.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Clinic.class, key -> {
            ApplicationContext spring = SpringExtension.getApplicationContext(context);
            return new Clinic(spring, spring.getBean(MockMvc.class), spring.getBean(TestClock.class));
        }, Clinic.class);
    }

    private static TestClock clock(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(TestClock.class);
    }
}
