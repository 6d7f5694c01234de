package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An address a form accepts can be mailed: the hostile-input corpus found one that could not. */
class EmailAddressesTests {

    @Test
    void plainAddressesAreAccepted() {
        assertThat(EmailAddresses.valid("kim.client@example.org")).isTrue();
        assertThat(EmailAddresses.valid("walk-28-a825d9@example.org")).isTrue();
        assertThat(EmailAddresses.valid("  spaced@example.org ")).as("trimmed").isTrue();
    }

    @Test
    void addressesTheMailLibraryWouldRefuseOrReadDifferentlyAreNot() {
        // a malformed UTF-8 form: the bytes decode to U+FFFD around a parenthesis (it threw at sending: a 500)
        assertThat(EmailAddresses.valid("walk-28-a825d9@example.org\uFFFD(\uFFFD")).isFalse();
        assertThat(EmailAddresses.valid("kim(comment)@example.org")).isFalse();
        assertThat(EmailAddresses.valid("Kim<kim@example.org>")).isFalse();
        assertThat(EmailAddresses.valid("kim@example")).isFalse();
        assertThat(EmailAddresses.valid("kim@@example.org")).isFalse();
        assertThat(EmailAddresses.valid(null)).isFalse();
    }
}
