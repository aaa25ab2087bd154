package org.vitrine.it.onshape;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}, as used by query strings and the OAuth token endpoint. */
final class FormEncoding {

    private FormEncoding() {
    }

    /** Decodes {@code a=1&b=x%3D&a=2}; a name without {@code =} has the empty value. */
    static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeOne(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeOne(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encodeOne(e.getKey()) + "=" + encodeOne(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encodeOne(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decodeOne(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
