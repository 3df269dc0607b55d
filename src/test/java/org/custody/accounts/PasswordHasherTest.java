package org.custody.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aHashVerifiesItsPasswordOnlyAndCarriesItsParameters() {
        String h = PasswordHasher.hash("correct horse battery".toCharArray());
        assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.verify("correct horse battery".toCharArray(), h)).isTrue();
        assertThat(PasswordHasher.verify("correct horse batterY".toCharArray(), h)).isFalse();
        assertThat(PasswordHasher.hash("correct horse battery".toCharArray())).isNotEqualTo(h);   // salted
    }

    @Test
    void malformedHashesNeverVerify() {
        char[] pw = "whatever password".toCharArray();
        assertThat(PasswordHasher.verify(pw, null)).isFalse();
        assertThat(PasswordHasher.verify(pw, "")).isFalse();
        assertThat(PasswordHasher.verify(pw, "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(PasswordHasher.verify(pw, "$argon2id$v=19$m=1,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(PasswordHasher.verify(pw, "$argon2id$v=19$m=19456,t=x,p=1$c2FsdA$aGFzaA")).isFalse();
        assertThat(PasswordHasher.verify(pw, "$argon2id$v=19$m=19456,t=2,p=1$!!$??")).isFalse();
    }

    @Test
    void aKnownArgon2idVectorVerifies() {
        // RFC 9106 style check through the PHC encoding: hash produced by the reference argon2 CLI
        // (echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e)
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(PasswordHasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(PasswordHasher.verify("passwore".toCharArray(), reference)).isFalse();
    }

    @Test
    void generatedPasswordsMeetThePolicyAndDiffer() {
        char[] a = PasswordPolicy.generate();
        char[] b = PasswordPolicy.generate();
        PasswordPolicy.check(a);
        assertThat(new String(a)).isNotEqualTo(new String(b)).doesNotContain("0", "O", "1", "l", "I");
    }
}
