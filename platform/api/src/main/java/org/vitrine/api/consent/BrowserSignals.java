package org.vitrine.api.consent;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Privacy signals a browser sent with a request, by lower-case header name, e.g. {@code sec-gpc: 1} (Global
 * Privacy Control). Only headers that carry a privacy preference are kept.
 */
public record BrowserSignals(Map<String, String> headers) {

    /** The Global Privacy Control header (https://privacycg.github.io/gpc-spec/). */
    public static final String SEC_GPC = "sec-gpc";

    /** No signal at all. */
    public static final BrowserSignals NONE = new BrowserSignals(Map.of());

    public BrowserSignals {
        headers = headers.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().trim(),
                        (a, b) -> a));
    }

    /** Whether the person asked not to have their data sold or shared ({@code Sec-GPC: 1}). */
    public boolean globalPrivacyControl() {
        return "1".equals(headers.get(SEC_GPC));
    }
}
