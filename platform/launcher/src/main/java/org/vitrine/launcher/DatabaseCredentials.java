package org.vitrine.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account Vitrine uses on its embedded database: the user {@value #USER} and a random password, kept in
 * {@code data/db/credentials.properties}, readable by its owner only ({@link OwnerOnlyFile}). The password is generated once (256 bits from
 * {@link SecureRandom}); a missing or unreadable file is replaced by a new password, which the embedded server takes
 * over at its next start (see {@link EmbeddedGrants}), so losing the file never locks Vitrine out of its own data.
 *
 * @param user     the database user
 * @param password its password, base64url (no quoting needed anywhere)
 */
public record DatabaseCredentials(String user, String password) {

    static final String USER = "vitrine";
    static final String FILE_NAME = "credentials.properties";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, or writes a new one with a fresh password when it is missing or unusable. */
    static DatabaseCredentials loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            Optional<DatabaseCredentials> existing = existing(file);
            if (existing.isPresent()) {
                restrict(file);
                return existing.get();
            }
            LOG.warn("{} does not hold a usable database password: a new one is generated", file);
        } else if (Files.isDirectory(file.resolveSibling("data").resolve("mysql"))) {
            LOG.warn("{} is missing: a new password is generated for the database user '{}'", file, USER);
        }
        DatabaseCredentials fresh = new DatabaseCredentials(USER, randomPassword());
        fresh.write(file);
        return fresh;
    }

    /** The credentials the file holds, when it exists and holds usable ones; never writes. */
    static Optional<DatabaseCredentials> existing(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String password = p.getProperty("password", "");
        return USER.equals(p.getProperty("user")) && password.matches("[A-Za-z0-9_-]{32,}")
                ? Optional.of(new DatabaseCredentials(USER, password)) : Optional.empty();
    }

    /**
     * The password as MariaDB's {@code mysql_native_password} stores it ({@code *} and the upper-case hex of
     * SHA-1(SHA-1(password))), so that the server can be given the account without the password itself.
     */
    String nativePasswordHash() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().formatHex(sha1.digest(once)).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[user=" + user + ", password=***]";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        StringWriter text = new StringWriter();
        p.store(text, "The embedded database's account for Vitrine; generated, keep it private");
        OwnerOnlyFile.write(file, text.toString());
    }

    private static void restrict(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OwnerOnlyFile.PERMISSIONS)) {
            LOG.warn("{} was readable by others: now by its owner only", file);
            Files.setPosixFilePermissions(file, OwnerOnlyFile.PERMISSIONS);
        }
    }
}
