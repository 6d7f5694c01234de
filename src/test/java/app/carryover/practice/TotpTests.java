package app.carryover.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.carryover.testing.TestTotp;

/** The second factor's codes and keys against the RFCs' own test vectors (issue 20 item 6). */
class TotpTests {

    /** RFC 6238 Appendix B, HMAC-SHA1: the key is the ASCII of "12345678901234567890", codes of 8 digits. */
    @Test
    void rfc6238TestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertThat(Totp.code(key, Totp.step(Instant.ofEpochSecond(times[i])), 8)).as("T = %d", times[i])
                    .isEqualTo(codes[i]);
        }
        // the apps' six digits are the last six of the same number
        assertThat(Totp.code(key, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    /** RFC 4648 §10, without the padding authenticator apps do not want. */
    @Test
    void rfc4648Base32TestVectors() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertThat(Totp.base32(v[0].getBytes(StandardCharsets.US_ASCII))).as(v[0]).isEqualTo(v[1]);
        }
    }

    @Test
    void aCodeCountsOneStepEitherSideAndAnAuthenticatorAppAgrees() {
        byte[] secret = Totp.newSecret();
        Instant now = Instant.parse("2026-03-03T10:00:10Z");
        String app = TestTotp.code(Totp.base32(secret), now);
        assertThat(Totp.matchingStep(secret, app, now)).hasValue(Totp.step(now));
        assertThat(Totp.matchingStep(secret, app, now.plusSeconds(30))).hasValue(Totp.step(now));
        assertThat(Totp.matchingStep(secret, app, now.plusSeconds(60))).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.uri("Carryover", "a b@example.org", secret))
                .startsWith("otpauth://totp/Carryover:a%20b%40example.org?secret=" + Totp.base32(secret));
    }
}
