package app.carryover.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an API view as clinician-only material (session notes, the pre-session brief,
 * coach feedback, clinician ratings, risk workflow notes). This annotation is the one place such
 * fields are named: services never fill them for clients, the JSON writer leaves them out of any
 * response to a client, and the endpoint walk checks client responses against the names marked here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface ClinicianOnly {
}
