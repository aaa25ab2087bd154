package org.vitrine.core.catalog;

import static org.vitrine.core.http.QueryParams.number;
import static org.vitrine.core.http.QueryParams.optionalNumber;
import static org.vitrine.core.http.QueryParams.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.documents.CatalogPage;
import org.vitrine.api.documents.CatalogQuery;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.core.search.IndexedSearch;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/documents?q=&provider=&designer=&licence=&tag=&sort=recent|name|updated&page=&size=}: the public
 * catalog, by relevance when {@code q} is given, each document with its designers. Bad parameters answer 400
 * naming the parameter. A search ({@code q}) goes to the search index when a search module is on and its index is
 * ready, else to the database; its total is exact up to {@link IndexedSearch#EXACT_TOTAL_UP_TO} and beyond it
 * a lower bound ({@code totalIsLowerBound}), and its pages reach {@link #MAX_SEARCH_DEPTH} results deep.
 */
@Component(service = CatalogResource.class)
@JakartarsResource
@JSONRequired
@Path("documents")
public class CatalogResource {

    static final int MAX_SIZE = 100;
    /** How deep a search's pages reach: nobody reads further, and each page deeper costs more to rank. */
    static final int MAX_SEARCH_DEPTH = 10_000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(long id, String name, String provider, String licence, Instant updatedAt, String thumbnailUrl,
                       List<DesignerLink> designers) {
    }

    public record DesignerLink(long id, String name) {
    }

    /** {@code totalIsLowerBound}: there are at least {@code total} matches (a search stopped counting). */
    public record Page(List<Item> items, long total, boolean totalIsLowerBound, int page, int size) {
    }

    private final DocumentStore documents;
    private final IndexedSearch search;

    @Activate
    public CatalogResource(@Reference DocumentStore documents, @Reference IndexedSearch search) {
        this.documents = documents;
        this.search = search;
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page list(@QueryParam("q") String q, @QueryParam("provider") String provider, @QueryParam("designer") String designer,
                     @QueryParam("licence") String licence, @QueryParam("tag") String tag,
                     @QueryParam("sort") @DefaultValue("recent") String sort,
                     @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("24") String size) {
        CatalogQuery query = new CatalogQuery(text("q", q, 200), text("provider", provider, 64),
                optionalNumber("designer", designer, 1, Long.MAX_VALUE), text("licence", licence, 64), text("tag", tag, 100),
                sort(sort), number("page", page, 0, 100_000), number("size", size, 1, MAX_SIZE));
        if (query.text() != null && (long) query.page() * query.size() + query.size() > MAX_SEARCH_DEPTH) {
            throw DomainException.badRequest("A search's pages reach its first " + MAX_SEARCH_DEPTH
                    + " results: 'page' is too deep; narrow the search instead.");
        }
        IndexedSearch.Result result = search.search(query)
                .orElseGet(() -> new IndexedSearch.Result(documents.search(query), false));
        CatalogPage found = result.page();
        return new Page(found.items().stream().map(CatalogResource::item).toList(), found.total(),
                result.totalIsLowerBound(), found.page(), found.size());
    }

    private static Item item(CatalogPage.Entry e) {
        return new Item(e.id(), e.name(), e.provider(), e.licence(), e.updatedAt(),
                e.preview() != null ? PreviewAnswers.url(e.preview()) : e.hasPreview() ? "/api/documents/" + e.id() + "/previews/300x170" : null,
                e.designers().stream().map(d -> new DesignerLink(d.id(), d.name())).toList());
    }

    private static CatalogQuery.Sort sort(String value) {
        try {
            return CatalogQuery.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("'sort' must be recent, name or updated, not '" + value + "'.");
        }
    }
}
