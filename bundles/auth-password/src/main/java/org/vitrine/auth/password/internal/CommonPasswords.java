package org.vitrine.auth.password.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common-password blocklist shipped with the module: the 30,000 most used passwords from zxcvbn's
 * password list (MIT licence), compared without regard to letter case.
 */
final class CommonPasswords {

    static final String RESOURCE = "/blocklist/common-passwords.txt";
    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = passwords;
    }

    static CommonPasswords load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the blocklist " + RESOURCE + " is missing from the bundle");
            }
            Set<String> set = new HashSet<>(40_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String word = line.trim();
                    if (!word.isEmpty()) {
                        set.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new CommonPasswords(set);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the blocklist", e);
        }
    }

    boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
