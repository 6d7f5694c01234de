package app.carryover.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link FreshDatabase} class whose server has no SMTP server set up, as a fresh install on the
 * bundled database starts by default: messages are written to the log and pages must say so.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutMailServer {
}
