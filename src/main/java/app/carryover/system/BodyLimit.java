package app.carryover.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How large a request body a handler takes, when it needs more than the default
 * ({@link RequestBodyLimits#DEFAULT_BYTES}, enough for any form or JSON object of ours). The limit is
 * checked against the declared length before the handler runs and enforced while the body is read,
 * so a body sent in chunks is cut off too. Multipart uploads have their own limit (20 MB).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The largest body, in megabytes; at most {@link RequestBodyLimits#MAX_BYTES}. */
    int megabytes();
}
