package app.carryover.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How the endpoint walk calls one handler: a valid form or JSON body (built per caller), the
 * expectations that differ from what the handler's access rule implies, and set-up or clean-up
 * around the handler's calls.
 */
final class Sample {

    BiFunction<World, Caller, Map<String, String>> form = (w, c) -> Map.of();
    BiFunction<World, Caller, String> json;
    final Map<Caller, Expect> overrides = new EnumMap<>(Caller.class);
    Consumer<World> before = w -> { };
    Consumer<World> after = w -> { };
    Consumer<World> beforeEachSuccess = w -> { };
    Consumer<World> afterEachSuccess = w -> { };
    String why = "";

    static Sample none() {
        return new Sample();
    }

    static Sample form(BiFunction<World, Caller, Map<String, String>> form) {
        Sample s = new Sample();
        s.form = form;
        return s;
    }

    static Sample json(BiFunction<World, Caller, String> json) {
        Sample s = new Sample();
        s.json = json;
        return s;
    }

    /** An expectation that differs from the rule's default, with the reason. */
    Sample expect(Expect expect, String why, Caller... callers) {
        for (Caller c : callers) {
            overrides.put(c, expect);
        }
        this.why = this.why.isEmpty() ? why : this.why + "; " + why;
        return this;
    }

    Sample before(Consumer<World> before) {
        this.before = before;
        return this;
    }

    /** Set-up before, and clean-up after, every call that is meant to succeed (for handlers that flip state). */
    Sample aroundEachSuccess(Consumer<World> before, Consumer<World> after) {
        this.beforeEachSuccess = before;
        this.afterEachSuccess = after;
        return this;
    }

    Sample after(Consumer<World> after) {
        this.after = after;
        return this;
    }
}
