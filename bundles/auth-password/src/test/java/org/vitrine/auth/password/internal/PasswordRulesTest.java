package org.vitrine.auth.password.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vitrine.api.problem.DomainException;

class PasswordRulesTest {

    private static final CommonPasswords COMMON = CommonPasswords.load();
    private final PasswordPolicy policy = new PasswordPolicy(COMMON);

    private String refusal(String password, String email) {
        return assertThrows(DomainException.class, () -> policy.check(password, email, 12)).getMessage();
    }

    @Test
    void the_shipped_blocklist_has_at_least_ten_thousand_entries() {
        assertTrue(COMMON.size() >= 10_000, "only " + COMMON.size());
    }

    @Test
    void each_refusal_names_its_rule() {
        assertTrue(refusal("short pass", "a@b.org").contains("too short"));
        assertTrue(refusal("x".repeat(60) + "y".repeat(69), "a@b.org").contains("too long"));
        assertTrue(refusal("1qaz2wsx3edc", "a@b.org").contains("commonly used"));
        assertTrue(refusal("1QAZ2WSX3EDC", "a@b.org").contains("commonly used"), "letter case does not matter");
        assertTrue(refusal("abababababababab", "a@b.org").contains("repeated or sequential"));
        assertTrue(refusal("abcdefghijklmnop", "a@b.org").contains("repeated or sequential"));
        assertTrue(refusal("zyxwvutsrqponm", "a@b.org").contains("repeated or sequential"));
        assertTrue(refusal("my address is ada@example.org", "ada@example.org").contains("e-mail address"));
        assertTrue(refusal("lovelace ada.lovelace 1843", "ada.lovelace@example.org").contains("e-mail address"));
        assertTrue(refusal("my Vitrine account 2026", "a@b.org").contains("name of this site"));
        assertTrue(refusal("", "a@b.org").contains("missing"));
    }

    @Test
    void length_counts_characters_not_bytes_and_any_characters_are_allowed() {
        assertDoesNotThrow(() -> policy.check("ünïcödé ✓ 🔑🔑", "a@b.org", 12));
        assertDoesNotThrow(() -> policy.check("correct horse battery staple", "a@b.org", 12));
        assertTrue(refusal("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "a@b.org").contains("too short"), "11 emoji are 11 characters");
        assertDoesNotThrow(() -> policy.check("x".repeat(64) + "yz".repeat(32), "a@b.org", 12), "exactly 128 is allowed");
    }

    @Test
    void composed_and_decomposed_forms_of_a_password_are_the_same_password() {
        var hasher = new Argon2Hasher(1024, 1, 1);
        String composed = "caf\u00e9 au lait 2026";
        String decomposed = "cafe\u0301 au lait 2026";
        assertTrue(hasher.verify(decomposed, hasher.hash(composed)));
    }

    @Test
    void argon2id_hashes_are_phc_strings_that_verify_and_know_their_parameters() {
        var hasher = new Argon2Hasher(19456, 2, 1);
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapler", hash));
        assertFalse(hasher.verify("anything", "not a hash"));
        assertFalse(hasher.needsRehash(hash));
        assertTrue(new Argon2Hasher(65536, 3, 1).needsRehash(hash), "stronger parameters ask for a new hash");
        assertTrue(new Argon2Hasher(65536, 3, 1).verify("correct horse battery staple", hash), "old hashes still verify");
    }
}
