package app.carryover.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time until a test sets or moves it. {@link CarryoverExtension}
 * puts it back before and after each test, so no test class resets it by hand.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    public void reset() {
        fixed = null;
    }

    /** Where the clock stands: the instant it is held at, or null when it follows real time. */
    Instant setting() {
        return fixed;
    }

    /** Puts the clock back where {@link #setting()} found it. */
    void restore(Instant setting) {
        fixed = setting;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view of this clock in another zone that still follows every set and advance. */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
