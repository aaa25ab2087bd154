package org.vitrine.it.onshape;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The operations of Onshape's REST API that the fake implements, answered from {@link OnshapeData}.
 * Requests arrive here already checked against the contract and authenticated.
 */
final class ApiEndpoints {

    private static final int PAGE_SIZE = 20;

    private record Route(Pattern path, Function<Call, Reply> answer) {
    }

    /** A request matched to a route: its path groups and query. */
    private record Call(RecordedRequest request, Matcher path) {
        String group(int index) {
            return path.group(index);
        }

        String query(String name, String otherwise) {
            return request.queryParam(name).orElse(otherwise);
        }

        int query(String name, int otherwise) {
            return request.queryParam(name).map(Integer::parseInt).orElse(otherwise);
        }
    }

    private final OnshapeData data;
    private final OnshapeJson json;
    private final Thumbnails thumbnails;
    private final String api;
    private final List<Route> routes;

    /** @param api the fake's API base, e.g. {@code http://127.0.0.1:4711/api/v16} */
    ApiEndpoints(OnshapeData data, Thumbnails thumbnails, String api) {
        this.data = data;
        this.json = new OnshapeJson(api);
        this.thumbnails = thumbnails;
        this.api = api;
        this.routes = List.of(
                new Route(Pattern.compile("/users/sessioninfo"), call -> Reply.json(200, json.sessionInfo(data.signedIn()))),
                new Route(Pattern.compile("/documents"), this::documents),
                new Route(Pattern.compile("/documents/([^/]+)"), this::document),
                new Route(Pattern.compile("/documents/d/([^/]+)/workspaces"), this::workspaces),
                new Route(Pattern.compile("/documents/d/([^/]+)/versions"), this::versions),
                new Route(Pattern.compile("/documents/d/([^/]+)/([wvm])/([^/]+)/elements"), this::elements),
                new Route(Pattern.compile("/documents/d/([^/]+)/([wv])/([^/]+)/currentmicroversion"), this::microversion),
                new Route(Pattern.compile("/featurestudios/d/([^/]+)/([wvm])/([^/]+)/e/([^/]+)"), this::featureStudio),
                new Route(Pattern.compile("/thumbnails/d/([^/]+)/(w)/([^/]+)/s/([^/]+)"), this::documentThumbnail),
                new Route(Pattern.compile("/thumbnails/d/([^/]+)/([wv])/([^/]+)/e/([^/]+)/s/([^/]+)"),
                        this::elementThumbnail));
    }

    /**
     * One call per route, with every query parameter the routes read, for {@link OpenApiContract#prepare}.
     * Kept beside the routes so that a new route gets its sample.
     */
    static List<RecordedRequest> sampleCalls() {
        String id = "0123456789abcdef01234567";
        String document = "/documents/d/" + id;
        return Stream.of("/users/sessioninfo",
                        "/documents?filter=0&q=x&owner=" + id + "&ownerType=0&sortColumn=name&sortOrder=asc"
                                + "&offset=0&limit=20",
                        "/documents/" + id,
                        document + "/workspaces",
                        document + "/versions?offset=0&limit=20",
                        document + "/w/" + id + "/elements?elementType=PARTSTUDIO&elementId=" + id
                                + "&withThumbnails=true",
                        document + "/w/" + id + "/currentmicroversion",
                        "/featurestudios/d/" + id + "/w/" + id + "/e/" + id,
                        "/thumbnails/d/" + id + "/w/" + id + "/s/300x170",
                        "/thumbnails/d/" + id + "/w/" + id + "/e/" + id + "/s/300x170")
                .map(call -> URI.create(OpenApiContract.BASE_PATH + call))
                .map(uri -> new RecordedRequest("GET", uri.getPath(), Objects.toString(uri.getRawQuery(), ""),
                        FormEncoding.decode(uri.getRawQuery()), Map.of("authorization", List.of("Bearer sample")),
                        new byte[0], Instant.now()))
                .collect(Collectors.toList());
    }

    /** The answer to a GET of {@code apiPath} (relative to the API base); empty when the fake does not implement it. */
    Optional<Reply> answer(RecordedRequest request, String apiPath) {
        if (!"GET".equals(request.method())) {
            return Optional.empty();
        }
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(apiPath);
            if (matcher.matches()) {
                return Optional.of(route.answer().apply(new Call(request, matcher)));
            }
        }
        return Optional.empty();
    }

    private Reply documents(Call call) {
        int offset = call.query("offset", 0);
        int limit = call.query("limit", PAGE_SIZE);
        List<FakeDocument> found = data.list(call.query("filter", 0), call.query("q", ""), call.query("owner", ""),
                call.query("sortColumn", "createdAt"), call.query("sortOrder", "desc"));
        List<FakeDocument> page = found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size()));
        String next = offset + limit < found.size() ? pageUri(call.request(), offset + limit, limit) : null;
        String previous = offset > 0 ? pageUri(call.request(), Math.max(0, offset - limit), limit) : null;
        String href = api + "/documents" + (call.request().rawQuery().isEmpty() ? "" : "?" + call.request().rawQuery());
        return Reply.json(200, json.documentPage(page, href, next, previous));
    }

    /** The same listing from another offset: the request's other parameters are kept. */
    private String pageUri(RecordedRequest request, int offset, int limit) {
        StringBuilder uri = new StringBuilder(api).append("/documents?");
        request.query().forEach((name, values) -> {
            if (!name.equals("offset") && !name.equals("limit")) {
                values.forEach(v -> uri.append(FormEncoding.encodeOne(name)).append('=')
                        .append(FormEncoding.encodeOne(v)).append('&'));
            }
        });
        return uri.append("offset=").append(offset).append("&limit=").append(limit).toString();
    }

    private Reply document(Call call) {
        return readable(call.group(1), document -> Reply.json(200, json.document(document, "document")));
    }

    private Reply workspaces(Call call) {
        return readable(call.group(1), document -> {
            ArrayNode all = json.array();
            document.workspaces().forEach(w -> all.add(json.workspace(document, w)));
            return Reply.json(200, all);
        });
    }

    private Reply versions(Call call) {
        return readable(call.group(1), document -> {
            List<FakeDocument.Version> versions = document.versions();
            int offset = Math.min(call.query("offset", 0), versions.size());
            int limit = call.query("limit", 0);
            int end = limit == 0 ? versions.size() : Math.min(offset + limit, versions.size());
            ArrayNode page = json.array();
            versions.subList(offset, end).forEach(v -> page.add(json.version(document, v)));
            return Reply.json(200, page);
        });
    }

    private Reply elements(Call call) {
        String wvm = call.group(2);
        String wvmId = call.group(3);
        String type = call.query("elementType", "");
        String id = call.query("elementId", "");
        boolean withThumbnails = Boolean.parseBoolean(call.query("withThumbnails", "false"));
        return readableAt(call.group(1), wvm, wvmId, document -> {
            ArrayNode elements = json.array();
            document.elements().stream()
                    .filter(e -> type.isEmpty() || e.type().name().equalsIgnoreCase(type))
                    .filter(e -> id.isEmpty() || e.id().equals(id))
                    .forEach(e -> elements.add(json.element(document, e, wvm, wvmId, withThumbnails)));
            return Reply.json(200, elements);
        });
    }

    private Reply microversion(Call call) {
        return readableAt(call.group(1), call.group(2), call.group(3), document -> Reply.json(200,
                json.microversion(document.microversion(call.group(2), call.group(3)).orElseThrow())));
    }

    private Reply featureStudio(Call call) {
        return readableAt(call.group(1), call.group(2), call.group(3), document -> document.findElement(call.group(4))
                .filter(e -> e.type() == FakeDocument.ElementType.FEATURESTUDIO)
                .map(e -> Reply.json(200, json.featureStudio(e, document.defaultWorkspace().microversion())))
                .orElseGet(() -> Reply.error(404, "Feature Studio not found")));
    }

    private Reply documentThumbnail(Call call) {
        return thumbnail(call.group(1), call.group(2), call.group(3), null, call.group(4));
    }

    private Reply elementThumbnail(Call call) {
        return thumbnail(call.group(1), call.group(2), call.group(3), call.group(4), call.group(5));
    }

    private Reply thumbnail(String documentId, String wv, String wvId, String elementId, String size) {
        return readableAt(documentId, wv, wvId, document -> {
            if (!Thumbnails.known(size)) {
                return Reply.error(404, "No thumbnail of size " + size);
            }
            if (elementId == null) {
                return Reply.png(thumbnails.png(document.id(), size));
            }
            return document.findElement(elementId).map(e -> Reply.png(thumbnails.png(e.id(), size)))
                    .orElseGet(() -> Reply.error(404, "Element not found"));
        });
    }

    private Reply readable(String documentId, Function<FakeDocument, Reply> answer) {
        switch (data.access(documentId)) {
            case ABSENT:
                return Reply.error(404, "Document not found");
            case FORBIDDEN:
                return Reply.error(403, "You do not have permission to access this document");
            default:
                return answer.apply(data.find(documentId).orElseThrow());
        }
    }

    private Reply readableAt(String documentId, String wvm, String wvmId, Function<FakeDocument, Reply> answer) {
        return readable(documentId, document -> document.has(wvm, wvmId) ? answer.apply(document)
                : Reply.error(404, "No such " + ("w".equals(wvm) ? "workspace" : "v".equals(wvm) ? "version"
                        : "microversion") + " in this document"));
    }
}
