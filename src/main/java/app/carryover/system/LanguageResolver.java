package app.carryover.system;

import java.util.Locale;

import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The language of a page: English for clinicians and admins (their pages are in English); for a
 * signed-in client the language they chose (kept in the session at sign-in); otherwise, and before
 * sign-in, the browser's preference among {@link Languages#SUPPORTED}.
 */
class LanguageResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Actor actor = AccessInterceptor.currentActor();
        if (actor != null && !actor.isClient()) {
            return Languages.ENGLISH;
        }
        HttpSession session = request.getSession(false);
        if (actor != null && session != null
                && session.getAttribute(Languages.SESSION_ATTRIBUTE) instanceof String chosen) {
            return Languages.of(chosen).orElse(Languages.ENGLISH);
        }
        return Languages.fromBrowser(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (locale == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(Languages.SESSION_ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(Languages.SESSION_ATTRIBUTE, Languages.tag(locale));
    }
}
