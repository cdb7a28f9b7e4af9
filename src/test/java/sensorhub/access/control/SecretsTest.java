package sensorhub.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void makesSecretsOf256BitsInUrlSafeBase64() {
        String secret = Secrets.newSecret();

        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
    }

    @Test
    void makesADifferentSecretEachTime() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            secrets.add(Secrets.newSecret());
        }

        assertEquals(1_000, secrets.size());
    }

    @Test
    void hashesWithSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.hash("abc"));
    }

    @Test
    void hashesTheSameSecretAlikeAndOthersApart() {
        String secret = Secrets.newSecret();

        assertTrue(Secrets.hash(secret).matches("[0-9a-f]{64}"));
        assertEquals(Secrets.hash(secret), Secrets.hash(secret));
        assertNotEquals(Secrets.hash(secret), Secrets.hash(secret + "x"));
    }

    @Test
    void findsEqualSecretsTheSame() {
        String secret = Secrets.newSecret();

        assertTrue(Secrets.same(secret, new String(secret)));
    }

    @Test
    void findsSecretsDifferingAnywhereNotTheSame() {
        assertFalse(Secrets.same("abcdef", "abcdeg"));
        assertFalse(Secrets.same("abcdef", "xbcdef"));
        assertFalse(Secrets.same("abcdef", "abcdef "));
        assertFalse(Secrets.same("abcdef", ""));
    }
}
