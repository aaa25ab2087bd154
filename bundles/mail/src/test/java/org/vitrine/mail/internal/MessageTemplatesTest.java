package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.vitrine.api.mail.MailTemplate;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void every_template_has_a_subject_a_text_and_an_html_part_in_english() {
        for (MailTemplate t : MailTemplate.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            String text = templates.file("en", name + ".txt");
            assertTrue(text.startsWith("Subject: ") && text.indexOf('\n') > "Subject: ".length() + 3, t + " has a subject line");
            assertTrue(text.substring(text.indexOf('\n')).strip().length() > 40, t + " has a text");
            assertTrue(templates.file("en", name + ".html").strip().startsWith("<p>"), t + " has an HTML fragment");
        }
    }

    @Test
    void every_placeholder_a_template_uses_is_declared_and_every_declared_parameter_is_used() {
        for (MailTemplate t : MailTemplate.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            Set<String> inText = placeholders(templates.file("en", name + ".txt"));
            Set<String> inHtml = placeholders(templates.file("en", name + ".html"));
            assertTrue(t.parameters().containsAll(inText), t + ": text uses " + inText + ", declared " + t.parameters());
            assertTrue(t.parameters().containsAll(inHtml), t + ": HTML uses " + inHtml + ", declared " + t.parameters());
            assertEquals(Set.copyOf(t.parameters()), inText, t + ": the text (with its subject) shows every parameter");
            Set<String> subjectAndHtml = new HashSet<>(inHtml);
            subjectAndHtml.addAll(placeholders(templates.file("en", name + ".txt").lines().findFirst().orElseThrow()));
            assertEquals(Set.copyOf(t.parameters()), subjectAndHtml, t + ": the HTML (with the subject) shows every parameter");
        }
        assertEquals(Set.of("lang", "subject", "content"), placeholders(templates.file("en", "layout.html")));
    }

    @Test
    void rendering_fills_every_placeholder_in_subject_text_and_html() {
        for (MailTemplate t : MailTemplate.values()) {
            Map<String, String> values = new HashMap<>();
            t.parameters().forEach(p -> values.put(p, "value-of-" + p));
            MessageTemplates.Rendered r = templates.render(t, values, "en");
            for (String part : new String[] {r.subject(), r.text(), r.html()}) {
                assertFalse(MessageTemplates.PLACEHOLDER.matcher(part).find(), t + " left a placeholder: " + part);
            }
            t.parameters().forEach(p -> assertTrue((r.subject() + r.text()).contains("value-of-" + p), t + " shows " + p));
        }
    }

    @Test
    void parameters_are_escaped_in_the_html_part_and_kept_as_they_are_in_the_text() {
        MessageTemplates.Rendered r = templates.render(MailTemplate.NEWSLETTER, Map.of("name", "<b>Ann</b> & \"Co\"",
                "subject", "Tea & <i>cake</i>", "body", "line one\n<script>alert('x')</script>", "link", "https://v.example/privacy/settings?a=1&b=2"), "en");
        assertTrue(r.html().contains("Hello &lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Co&quot;,"), r.html());
        assertTrue(r.html().contains("line one<br>\n&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), r.html());
        assertTrue(r.html().contains("href=\"https://v.example/privacy/settings?a=1&amp;b=2\""), r.html());
        assertTrue(r.html().contains("<title>Tea &amp; &lt;i&gt;cake&lt;/i&gt;</title>"), "the subject is escaped in the HTML: " + r.html());
        assertFalse(r.html().contains("<b>Ann") || r.html().contains("<script>") || r.html().contains("<i>cake"), r.html());
        assertTrue(r.text().contains("Hello <b>Ann</b> & \"Co\","), r.text());
        assertEquals("Tea & <i>cake</i>", r.subject());
    }

    @Test
    void a_subject_cannot_carry_a_line_break_into_the_headers() {
        MessageTemplates.Rendered r = templates.render(MailTemplate.NEWSLETTER,
                Map.of("name", "Ann", "subject", "News\r\nBcc: all@example.org", "body", "x", "link", "https://v.example/p"), "en");
        assertEquals("News Bcc: all@example.org", r.subject());
    }

    @Test
    void a_placeholder_in_a_value_is_not_filled_again() {
        MessageTemplates.Rendered r = templates.render(MailTemplate.NEWSLETTER,
                Map.of("name", "{link}", "subject", "{content}", "body", "{name}", "link", "https://v.example/p"), "en");
        assertTrue(r.text().contains("Hello {link},"), r.text());
        assertTrue(r.html().contains("<title>{content}</title>"), r.html());
    }

    @Test
    void a_language_without_templates_falls_back_to_english() {
        MessageTemplates.Rendered r = templates.render(MailTemplate.RESET_PASSWORD,
                Map.of("name", "Ann", "link", "https://v.example/reset-password?token=t", "minutes", "30"), "xx");
        assertEquals("Reset your Vitrine password", r.subject());
        assertTrue(r.html().startsWith("<!DOCTYPE html>\n<html lang=\"xx\">"), r.html());
    }

    private static Set<String> placeholders(String s) {
        Set<String> found = new HashSet<>();
        Matcher m = MessageTemplates.PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
