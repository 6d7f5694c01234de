package app.carryover.measures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.carryover.caseload.Caseload;
import app.carryover.caseload.ClientRecord;
import app.carryover.system.Actor;
import app.carryover.system.PracticeZones;
import app.carryover.system.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts open risk alerts on every page a clinician sees, until they are acknowledged: the client's
 * name and when it was raised, linking to the alert (its content only on the alert page, which is
 * audited). Admins see how many escalated alerts wait, without names, linking to the alerts list.
 * Runs after the handler, so a page that was refused shows nothing extra.
 */
@Component
class RiskBanner implements HandlerInterceptor {

    /** One open alert on the banner. */
    record Line(UUID clientId, UUID alertId, String clientName, String raised, boolean escalated) {
    }

    /** What the banner shows: the clinician's open alerts, and for admins the number escalated. */
    record Banner(List<Line> alerts, int escalated) {
        public boolean empty() {
            return alerts.isEmpty() && escalated == 0;
        }
    }

    private final RiskAlertRepository alerts;
    private final Caseload caseload;
    private final PracticeZones zones;

    RiskBanner(RiskAlertRepository alerts, Caseload caseload, PracticeZones zones) {
        this.alerts = alerts;
        this.caseload = caseload;
        this.zones = zones;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
                || view.getViewName().startsWith("forward:")) {
            return;
        }
        Map<String, Object> model = view.getModel();
        if (!(model.get("actor") instanceof Actor actor) || actor.isClient()) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        if (actor.has(Role.CLINICIAN)) {
            Map<UUID, ClientRecord> mine = new HashMap<>();
            caseload.mine(actor).forEach(c -> mine.put(c.id(), c));
            for (RiskAlert a : alerts.openFor(actor.practiceId(), mine.keySet())) {
                lines.add(new Line(a.clientId(), a.id(), mine.get(a.clientId()).displayName(),
                        Dates.when(a.raisedAt(), zones.zoneOf(actor.practiceId())), a.escalated()));
            }
        }
        int escalated = actor.has(Role.ADMIN) ? alerts.openEscalated(actor.practiceId()).size() : 0;
        Banner banner = new Banner(lines, escalated);
        if (!banner.empty()) {
            view.addObject("riskBanner", banner);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final RiskBanner banner;

        Registration(RiskBanner banner) {
            this.banner = banner;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(banner).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/actuator/**");
        }
    }
}
