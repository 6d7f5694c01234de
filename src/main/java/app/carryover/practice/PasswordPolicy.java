package app.carryover.practice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters (at most 128), not one of the ~43,000 most
 * common passwords (nor one with digits or symbols tacked on), not mostly one character, and not
 * the person's own e-mail name. Length beats composition rules (NIST SP 800-63B), so there are none.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/practice/common-passwords.txt"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#")).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is not acceptable, in words for the person choosing it; empty when it is fine. */
    Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few unrelated words work well.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
        if (common.contains(lower) || (stem.length() >= 6 && common.contains(stem))) {
            return Optional.of("This password is among the most commonly used ones; choose another.");
        }
        if (lower.chars().distinct().count() < 5) {
            return Optional.of("Use more different characters.");
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of("Do not build the password from your e-mail address.");
        }
        return Optional.empty();
    }
}
