package app.carryover.access;

/** What a call should answer: success (2xx, or a redirect to a page of the app), or a given refusal. */
enum Expect {
    OK, BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT;

    boolean matches(int status, String redirect) {
        return switch (this) {
            case OK -> (status >= 200 && status < 300) || (status >= 300 && status < 400 && redirect != null
                    && !redirect.startsWith("/signin") && !redirect.startsWith("/consent") && !redirect.startsWith("/closed"));
            case BAD_REQUEST -> status == 400;
            case FORBIDDEN -> status == 403;
            case NOT_FOUND -> status == 404;
            case CONFLICT -> status == 409;
        };
    }
}
