package org.vitrine.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vitrine.api.mail.MailTemplate;

/**
 * The wording of every message, one folder per language under {@code templates/} (e.g. {@code templates/en}): for
 * each template a plain-text file {@code <template>.txt} whose first line is {@code Subject: ...}, and an HTML
 * fragment {@code <template>.html}; {@code layout.html} frames the fragments. Placeholders are {@code {name}}.
 * Translating means copying the folder and translating the files; a language without a file falls back to English.
 *
 * <p>Parameter values are plain text: in the HTML part they are escaped (and line breaks become {@code <br>}), in the
 * subject line breaks become spaces.
 */
final class MessageTemplates {

    static final String FALLBACK = "en";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");
    private static final String SUBJECT = "Subject:";

    /** A message in words, ready to be put into MIME parts. */
    record Rendered(String subject, String text, String html) {
    }

    private final Map<String, String> files = new ConcurrentHashMap<>();

    /** Renders the template in the language (or English where that language has no file). */
    Rendered render(MailTemplate template, Map<String, String> parameters, String language) {
        String name = template.name().toLowerCase(Locale.ROOT);
        String text = file(language, name + ".txt");
        int end = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || end < 0) {
            throw new IllegalStateException("templates/" + language + "/" + name + ".txt must start with a 'Subject:' line");
        }
        String subject = oneLine(fill(text.substring(SUBJECT.length(), end).trim(), parameters, false));
        String body = fill(text.substring(end + 1).stripLeading(), parameters, false);
        String fragment = fill(file(language, name + ".html"), parameters, true);
        return new Rendered(subject, body, frame(file(language, "layout.html"), language, subject, fragment));
    }

    /** The raw content of a template file, for the completeness checks of the tests. */
    String file(String language, String fileName) {
        String own = load(language, fileName);
        if (own != null) {
            return own;
        }
        String fallback = load(FALLBACK, fileName);
        if (fallback == null) {
            throw new IllegalStateException("no template file templates/" + FALLBACK + "/" + fileName);
        }
        return fallback;
    }

    private String load(String language, String fileName) {
        String path = "/templates/" + language + "/" + fileName;
        String cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = MessageTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            files.put(path, content);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Puts the fragment into the layout in one pass, so a subject can never inject markup or placeholders. */
    private static String frame(String layout, String language, String subject, String fragment) {
        Matcher m = PLACEHOLDER.matcher(layout);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "lang" -> escape(language);
                case "subject" -> escape(subject);
                case "content" -> fragment;
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String fill(String template, Map<String, String> parameters, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            String replacement = value == null ? m.group() : html ? escape(value).replace("\n", "<br>\n") : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A header value: control characters (line breaks above all) become spaces, so nothing can add a header. */
    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
    }
}
