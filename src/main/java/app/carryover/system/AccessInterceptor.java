package app.carryover.system;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the role gate of each handler's {@link Access} rule before it runs. A handler without
 * a rule is refused (and fails the build through the handler-walk test), so forgetting one can
 * never open a door.
 */
class AccessInterceptor implements HandlerInterceptor {

    private final org.springframework.beans.factory.ObjectProvider<RefusalRecorder> recorder;

    AccessInterceptor(org.springframework.beans.factory.ObjectProvider<RefusalRecorder> recorder) {
        this.recorder = recorder;
    }

    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequestBodyLimits.applyHandlerLimit(request, method);
        AccessRule rule = ruleOf(method);
        if (rule == null) {
            log.error("Refused {} {}: handler {} declares no access rule", request.getMethod(),
                    request.getRequestURI(), method.getShortLogMessage());
            throw ProblemException.forbidden("This action has no access rule.");
        }
        if (rule.isPublic()) {
            return true;
        }
        Actor actor = currentActor();
        if (actor == null) {
            throw ProblemException.forbidden("Please sign in.");
        }
        if (!rule.admits(actor.roles())) {
            throw refuse(actor, request, rule, "Your role does not allow this.");
        }
        if (actor.readOnly() && !READS.contains(request.getMethod())) {
            throw refuse(actor, request, rule, "This token is read-only.");
        }
        return true;
    }

    private ProblemException refuse(Actor actor, HttpServletRequest request, AccessRule rule, String why) {
        RefusalRecorder r = recorder.getIfAvailable();
        if (r != null) {
            Object vars = request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            java.util.UUID clientId = null;
            if (vars instanceof java.util.Map<?, ?> map && map.get("clientId") instanceof String id) {
                try {
                    clientId = java.util.UUID.fromString(id);
                } catch (IllegalArgumentException notAnId) {
                    clientId = null;
                }
            }
            r.refused(actor, clientId, request.getMethod() + " " + request.getRequestURI(), "403 " + rule + ": " + why);
        }
        return ProblemException.forbidden(why);
    }

    /** Handlers of libraries we serve as they are: the OpenAPI document is public, like the API's shape. */
    private static final String OPENAPI_PACKAGE = "org.springdoc.";

    /** The rule on the method, or else on its class; null when neither declares one. */
    static AccessRule ruleOf(HandlerMethod method) {
        if (method.getBeanType().getName().startsWith(OPENAPI_PACKAGE)) {
            return AccessRule.PUBLIC;
        }
        Access access = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Access.class);
        }
        return access == null ? null : access.value();
    }

    static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn
                && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                        .anyMatch(a -> SignedIn.FULLY_SIGNED_IN.equals(a.getAuthority()))) {
            return signedIn.actor();
        }
        return null;
    }
}
