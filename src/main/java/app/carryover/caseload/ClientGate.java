package app.carryover.caseload;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;
import app.carryover.system.Actor;
import app.carryover.system.ProblemException;
import app.carryover.system.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before a client uses any of their pages or API: a discharged client sees the closing page, a
 * client who has not accepted the current terms sees the consent page.
 */
@Configuration(proxyBeanMethods = false)
class ClientGate implements WebMvcConfigurer, HandlerInterceptor {

    private final ClientRepository clients;
    private final Consents consents;

    ClientGate(ClientRepository clients, Consents consents) {
        this.clients = clients;
        this.consents = consents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Access access = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Access.class);
        if (access == null || access.value() != AccessRule.CLIENT_SELF
                || AnnotatedElementUtils.hasAnnotation(method.getMethod(), BeforeConsent.class)) {
            return true;
        }
        Actor actor = actor();
        if (actor == null || actor.clientId() == null) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        ClientRecord client = clients.find(actor.practiceId(), actor.clientId()).orElse(null);
        if (client == null) {
            return true;
        }
        if (client.discharged()) {
            if (api) {
                throw ProblemException.forbidden("Your care with this practice has ended; Carryover is closed for you.");
            }
            response.sendRedirect(request.getContextPath() + "/closed");
            return false;
        }
        if (!consents.hasAcceptedCurrentTerms(client.practiceId(), client.id())) {
            if (api) {
                throw ProblemException.forbidden("Accept the practice's terms of use first (GET /api/v1/me/consents).");
            }
            response.sendRedirect(request.getContextPath() + "/consent");
            return false;
        }
        ClientAccess.checkedByGate(client);
        return true;
    }

    private static Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn s ? s.actor() : null;
    }
}
