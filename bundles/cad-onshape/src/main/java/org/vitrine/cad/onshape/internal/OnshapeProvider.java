package org.vitrine.cad.onshape.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.vitrine.api.cad.CadProvider;
import org.vitrine.api.cad.DocumentPage;
import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.cad.FetchedDocument;
import org.vitrine.api.cad.ImportMethod;
import org.vitrine.api.cad.Picture;
import org.vitrine.api.cad.ProviderAccess;
import org.vitrine.api.cad.RemoteDocument;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.onshape.client.ApiKeySigner;
import org.vitrine.onshape.client.Lane;
import org.vitrine.onshape.client.OnshapeApi;
import org.vitrine.onshape.client.OnshapeConfig;
import org.vitrine.onshape.client.OnshapeConnection;
import org.vitrine.onshape.client.OnshapeSettings;
import org.vitrine.onshape.client.OnshapeOAuth;
import org.vitrine.onshape.client.OnshapeUrls;
import org.vitrine.onshape.client.SessionTokens;
import org.vitrine.onshape.client.TokenSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Onshape as a {@link CadProvider}. It acts with the person's tokens from their session (found among the
 * account's live sessions when an import job runs in the background). Nothing is fetched from an address a
 * person typed: recognised addresses only give a document id for the configured API host. The picker's calls and
 * those a person waits for have their own calls-at-once budget, apart from import jobs' ({@link Lane}).
 */
@Component(service = {CadProvider.class, OnshapeProvider.class}, configurationPid = "org.vitrine.onshape")
@Designate(ocd = OnshapeSettings.class)
public class OnshapeProvider implements CadProvider {

    static final int PAGE_SIZE = 20;
    private final SessionManager sessions;
    private final String publicUrl;
    private volatile OnshapeConnection onshape;

    /** Where calls to Onshape are counted, when the platform provides it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MeterRegistry meters;

    @Activate
    public OnshapeProvider(BundleContext context, @Reference SessionManager sessions, Map<String, Object> properties) {
        this.sessions = sessions;
        this.publicUrl = context.getProperty("vitrine.public.url");
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        this.onshape = OnshapeConnection.from(properties, publicUrl, () -> meters);
    }

    OnshapeConfig config() {
        return onshape.config();
    }

    @Override
    public String id() {
        return OnshapeOAuth.PROVIDER;
    }

    @Override
    public String displayName() {
        return "Onshape";
    }

    @Override
    public Set<ImportMethod> importMethods() {
        return EnumSet.allOf(ImportMethod.class);
    }

    @Override
    public Optional<DocumentRef> recognise(String url) {
        return OnshapeUrls.parse(url, onshape.config()).map(u -> new DocumentRef(id(), u.documentId(), url.trim()));
    }

    @Override
    public Optional<ProviderAccess> accessFor(long accountId, String sessionId) {
        if (sessionId != null) {
            Optional<Session> session = sessions.find(sessionId).filter(s -> s.accountId() == accountId);
            if (session.isPresent() && SessionTokens.present(session.get())) {
                return Optional.of(new ProviderAccess(accountId, sessionId));
            }
        }
        Optional<ProviderAccess> personal = sessions.of(accountId).stream().filter(SessionTokens::present).findFirst()
                .map(s -> new ProviderAccess(accountId, s.id()));
        // instance API keys, when configured, stand in for a person who is not signed in with Onshape
        return personal.isPresent() || !onshape.config().apiKeysConfigured() ? personal : Optional.of(new ProviderAccess(accountId, null));
    }

    @Override
    public DocumentPage listDocuments(ProviderAccess access, String query, int page) {
        String q = query == null || query.isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(query.strip(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode result = onshape.interactive().get("/documents?filter=0&sortColumn=modifiedAt&sortOrder=desc&offset=" + (page * PAGE_SIZE)
                + "&limit=" + PAGE_SIZE + q, tokens(access));
        List<RemoteDocument> items = new java.util.ArrayList<>();
        for (JsonNode d : result.path("items")) {
            items.add(new RemoteDocument(d.path("id").asText(), d.path("name").asText(), d.path("owner").path("name").asText(null),
                    OnshapeDocuments.instant(d.path("modifiedAt")), d.hasNonNull("defaultWorkspace")));
        }
        return new DocumentPage(items, page, result.hasNonNull("next") && !result.path("next").asText().isEmpty());
    }

    @Override
    public FetchedDocument fetch(ProviderAccess access, DocumentRef ref) {
        OnshapeConnection current = onshape;
        return new OnshapeDocuments(current.api(lane(access)), current.config()).fetch(tokens(access), ref);
    }

    @Override
    public Picture fetchPreview(ProviderAccess access, FetchedDocument.PreviewSource preview) {
        if (!preview.location().startsWith("/thumbnails/")) {
            throw DomainException.badRequest("not an Onshape thumbnail: " + preview.location());
        }
        return onshape.api(lane(access)).image(preview.location(), tokens(access));
    }

    @Override
    public Picture thumbnail(ProviderAccess access, String externalId) {
        if (!externalId.matches("[0-9a-f]{24}")) {
            throw DomainException.badRequest("Onshape document ids are 24 lowercase hexadecimal characters.");
        }
        TokenSource tokens = tokens(access);
        OnshapeApi api = onshape.interactive();
        JsonNode document = api.get("/documents/" + externalId, tokens);
        String workspace = document.path("defaultWorkspace").path("id").asText("");
        if (!workspace.matches("[0-9a-f]{24}")) {
            throw DomainException.notFound("This document has no thumbnail.");
        }
        return api.image("/thumbnails/d/" + externalId + "/w/" + workspace + "/s/300x170", tokens);
    }

    /** Import jobs call in the background lane, except for work a person waits for; the picker is always interactive. */
    private static Lane lane(ProviderAccess access) {
        return access.waitedFor() ? Lane.INTERACTIVE : Lane.BACKGROUND;
    }

    private TokenSource tokens(ProviderAccess access) {
        OnshapeConnection current = onshape;
        if (access.sessionId() == null && current.config().apiKeysConfigured()) {
            return new ApiKeySigner(current.config(), current.clock());
        }
        Session session = access.sessionId() == null ? null : sessions.find(access.sessionId()).orElse(null);
        if (session == null || !SessionTokens.present(session)) {
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "Connect your Onshape account first: sign in with Onshape (GET /api/auth/onshape/start).");
        }
        return new SessionTokens(session, current.oauth(), current.clock());
    }
}
