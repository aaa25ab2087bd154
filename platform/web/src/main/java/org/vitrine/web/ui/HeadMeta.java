package org.vitrine.web.ui;

import java.util.Comparator;
import java.util.List;

import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.StoredPreview;

/**
 * What the server writes into the app shell's {@code <head>}: the title, the description and, for a document,
 * the OpenGraph and Twitter tags that make a shared link unfold with its preview. Every value is HTML-escaped:
 * document names and descriptions come from outside.
 *
 * @param name        the document's name; null for the generic head
 * @param description one or two sentences
 * @param url         the page's absolute address; null for the generic head
 * @param image       absolute address of the preview; null when there is none
 * @param imageSize   the preview's size, {@code <width>x<height>}
 */
record HeadMeta(String name, String description, String url, String image, String imageSize) {

    static final String SITE = "Vitrine";
    static final String GENERIC_DESCRIPTION = "CAD designs published on Vitrine: browse, search and open them.";
    /** The preview size meant for link previews (OpenGraph recommends about 1.91:1). */
    static final String SHARE_PREVIEW = "600x340";
    private static final int DESCRIPTION_LIMIT = 200;

    /** The head of every page that is not a public document. */
    static HeadMeta generic() {
        return new HeadMeta(null, GENERIC_DESCRIPTION, null, null, null);
    }

    /**
     * The head of a public document's page.
     *
     * @param publicUrl the address people use, without a trailing slash
     */
    static HeadMeta of(PublishedDocument d, String publicUrl) {
        String description = d.description() == null || d.description().isBlank() ? byline(d) : shorten(d.description().strip());
        String size = d.previews().stream().filter(p -> p.elementExternalId() == null)
                .map(StoredPreview::size)
                .min(Comparator.comparing((String s) -> !s.equals(SHARE_PREVIEW)))
                .orElse(null);
        String image = size == null ? null : publicUrl + "/api/documents/" + d.id() + "/previews/" + size;
        return new HeadMeta(d.name(), description, publicUrl + "/d/" + d.id(), image, size);
    }

    String title() {
        return name == null ? SITE : name + " · " + SITE;
    }

    private static String byline(PublishedDocument d) {
        List<String> names = d.designers().stream().map(PublishedDocument.DesignerCredit::name).distinct().toList();
        return names.isEmpty() ? "A design published on " + SITE + "."
                : "A design by " + String.join(", ", names) + ", published on " + SITE + ".";
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        if (flat.length() <= DESCRIPTION_LIMIT) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', DESCRIPTION_LIMIT - 1);
        return flat.substring(0, cut > DESCRIPTION_LIMIT / 2 ? cut : DESCRIPTION_LIMIT - 1) + "…";
    }

    /** The tags that go into {@code <head>}, title first, one per line. */
    String toHtml() {
        StringBuilder out = new StringBuilder();
        out.append("<title>").append(Html.escape(title())).append("</title>\n");
        meta(out, "name", "description", description);
        if (url != null) {
            meta(out, "property", "og:type", "website");
            meta(out, "property", "og:site_name", SITE);
            meta(out, "property", "og:title", name);
            meta(out, "property", "og:description", description);
            meta(out, "property", "og:url", url);
            meta(out, "name", "twitter:card", image != null ? "summary_large_image" : "summary");
            meta(out, "name", "twitter:title", name);
            meta(out, "name", "twitter:description", description);
            if (image != null) {
                String[] wh = imageSize.split("x");
                meta(out, "property", "og:image", image);
                meta(out, "property", "og:image:width", wh[0]);
                meta(out, "property", "og:image:height", wh.length > 1 ? wh[1] : wh[0]);
                meta(out, "property", "og:image:alt", "Preview of " + name);
                meta(out, "name", "twitter:image", image);
            }
            out.append("<link rel=\"canonical\" href=\"").append(Html.escape(url)).append("\">\n");
        }
        return out.toString();
    }

    private static void meta(StringBuilder out, String attribute, String key, String value) {
        out.append("<meta ").append(attribute).append("=\"").append(key).append("\" content=\"")
                .append(Html.escape(value)).append("\">\n");
    }
}
