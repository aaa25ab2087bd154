package org.vitrine.store.mariadb.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.EmailToken;
import org.vitrine.api.accounts.EmailTokenPurpose;
import org.vitrine.api.accounts.EmailTokens;
import org.vitrine.api.problem.DomainException;

/**
 * E-mail tokens in {@code email_tokens}: 256 random bits, base64url; only the SHA-256 of the token (lower-case hex)
 * is stored. Redeeming is one conditional UPDATE, so a token works once even under concurrent requests. Rows are
 * kept a day after they expire (so a late click hears "expired", not "unknown") and removed when tokens are issued.
 */
@Component
public class MariaDbEmailTokens implements EmailTokens {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    private static final int TOKEN_BYTES = 32;
    private static final String UNKNOWN = "This link is not valid: copy the whole link from the message, or ask for a new one.";
    private static final String SPENT = "This link was already used, has expired, or a newer one was sent: ask for a new one.";

    private final Database database;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public MariaDbEmailTokens(@Reference Database database) {
        this.database = database;
    }

    @Override
    public String issue(long accountId, EmailTokenPurpose purpose, String newEmail, Duration validFor) {
        Objects.requireNonNull(purpose, "purpose");
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("validFor must be positive");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        LocalDateTime nowColumn = UtcTimes.toColumn(now);
        MapperSessions.inTransaction(database, AccountMapper.class, (Function<AccountMapper, Void>) m -> {
            m.deleteEmailTokensExpiredBefore(UtcTimes.toColumn(now.minus(KEPT_AFTER_EXPIRY)));
            m.expireEmailTokens(accountId, EmailTokenRow.dbName(purpose), nowColumn);
            m.insertEmailToken(accountId, EmailTokenRow.dbName(purpose), hash(token), newEmail,
                    UtcTimes.toColumn(now.plus(validFor)), nowColumn);
            return null;
        });
        return token;
    }

    @Override
    public EmailToken redeem(String token, Set<EmailTokenPurpose> purposes) {
        if (token == null || token.isBlank() || token.length() > 100 || purposes.isEmpty()) {
            throw DomainException.badRequest(UNKNOWN);
        }
        String hash = hash(token.strip());
        Set<String> names = new java.util.TreeSet<>();
        purposes.forEach(p -> names.add(EmailTokenRow.dbName(p)));
        return MapperSessions.inSession(database, AccountMapper.class, m -> {
            int used = m.useEmailToken(hash, names, UtcTimes.now());
            EmailTokenRow row = m.emailToken(hash);
            if (row == null || !names.contains(row.getPurpose())) {
                throw DomainException.badRequest(UNKNOWN);
            }
            if (used != 1) {
                throw new DomainException(DomainException.Kind.GONE, SPENT);
            }
            return row.toToken();
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
