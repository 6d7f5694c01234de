package app.carryover.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a web or API handler. Every handler declares one (a handler without one is
 * refused at run time and fails the build). The rule's role gate is checked before the handler
 * runs (403 for a wrong role); object rules — the care team, the client's own record — are
 * checked in the service layer, which answers 404 for objects the caller may not know about.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
    AccessRule value();
}
