package app.carryover.system;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in actor (or null) for the navigation, and an empty set of form errors and typed text. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("actor")
    Actor actor() {
        return AccessInterceptor.currentActor();
    }

    /** Field messages of a rejected form, keyed by field; a handler replaces it when a form fails. */
    @ModelAttribute("errors")
    Map<String, String> errors() {
        return Map.of();
    }

    /** What was typed into a rejected form ({@link FormErrors}); empty otherwise. */
    @ModelAttribute("typed")
    TypedForm typed() {
        return TypedForm.none();
    }
}
