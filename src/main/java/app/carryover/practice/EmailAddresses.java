package app.carryover.practice;

import java.util.regex.Pattern;

/** What counts as an e-mail address here: one @, a dotted domain, no spaces, at most 254 characters. */
final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    static boolean valid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email.trim()).matches();
    }
}
