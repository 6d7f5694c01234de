package app.carryover.practice;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What counts as an e-mail address here: one @, a dotted domain, no spaces, at most 254 characters, and a bare
 * address the mail library accepts as it is (no display name, no comment in parentheses, no stray bytes), so an
 * address accepted on a form can always be mailed.
 */
final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    static boolean valid(String email) {
        if (email == null || email.length() > 254 || !SHAPE.matcher(email.trim()).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(email.trim(), true);
            return parsed.getPersonal() == null && parsed.getAddress().equals(email.trim());
        } catch (AddressException e) {
            return false;
        }
    }
}
