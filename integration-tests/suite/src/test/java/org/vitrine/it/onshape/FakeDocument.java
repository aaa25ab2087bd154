package org.vitrine.it.onshape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document to seed into the fake, built fluently and frozen once added:
 * <pre>
 * String did = onshape.addDocument(FakeDocument.named("Gearbox")
 *         .description("Two-stage reducer").owner(ada).modifiedBy(bob)
 *         .version("V1", "First release")
 *         .element("Housing", ElementType.PARTSTUDIO));
 * </pre>
 * Unset people default to the signed-in user; without workspaces there is one called "Main"; without elements
 * there is one of each of PARTSTUDIO, ASSEMBLY, DRAWING and FEATURESTUDIO.
 */
public final class FakeDocument {

    /** The element types Vitrine cares about, spelled as Onshape's {@code GBTElementType}. */
    public enum ElementType {
        PARTSTUDIO("Part Studio", "onshape/partstudio"),
        ASSEMBLY("Assembly", "onshape/assembly"),
        DRAWING("Drawing", "onshape-app/drawing"),
        FEATURESTUDIO("Feature Studio", "onshape/featurestudio"),
        BLOB("Blob", "application/pdf"),
        APPLICATION("Application", "onshape-app/unknown");

        final String prettyType;
        final String dataType;

        ElementType(String prettyType, String dataType) {
            this.prettyType = prettyType;
            this.dataType = dataType;
        }
    }

    public record Workspace(String id, String name, String microversion) {
    }

    public record Version(String id, String name, String description, String microversion, Instant createdAt) {
    }

    /** @param featureScript the source a FEATURESTUDIO answers with; empty for other types */
    public record Element(String id, String name, ElementType type, String featureScript) {
    }

    static final String DEFAULT_FEATURESCRIPT = "FeatureScript 2399;\n"
            + "import(path : \"onshape/std/common.fs\", version : \"2399.0\");\n";

    private String id = OnshapeIds.next();
    private final String name;
    private String description = "";
    private FakeUser owner;
    private FakeUser createdBy;
    private FakeUser modifiedBy;
    private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Instant modifiedAt = createdAt;
    private boolean isPublic;
    private boolean unreadable;
    private final List<String> tags = new ArrayList<>();
    private final List<Workspace> workspaces = new ArrayList<>();
    private final List<Version> versions = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();
    private volatile boolean frozen;

    private FakeDocument(String name) {
        this.name = name;
    }

    public static FakeDocument named(String name) {
        return new FakeDocument(name);
    }

    /** Chooses the id instead of a generated one; must be 24 lowercase hex characters to look like Onshape's. */
    public FakeDocument id(String id) {
        change().id = id;
        return this;
    }

    public FakeDocument description(String description) {
        change().description = description;
        return this;
    }

    public FakeDocument owner(FakeUser owner) {
        change().owner = owner;
        return this;
    }

    public FakeDocument createdBy(FakeUser creator) {
        change().createdBy = creator;
        return this;
    }

    public FakeDocument modifiedBy(FakeUser modifier) {
        change().modifiedBy = modifier;
        return this;
    }

    public FakeDocument createdAt(Instant at) {
        change().createdAt = at.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    public FakeDocument modifiedAt(Instant at) {
        change().modifiedAt = at.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    public FakeDocument tags(String... tags) {
        change().tags.addAll(List.of(tags));
        return this;
    }

    /** Visible to everyone (Onshape's "public" documents, listed by filter 4). */
    public FakeDocument publiclyVisible() {
        change().isPublic = true;
        return this;
    }

    /** The signed-in user may not read it: every call about it answers 403. */
    public FakeDocument unreadable() {
        change().unreadable = true;
        return this;
    }

    /** Adds a workspace; the first one added is the default workspace. */
    public FakeDocument workspace(String workspaceName) {
        change().workspaces.add(new Workspace(OnshapeIds.next(), workspaceName, OnshapeIds.next()));
        return this;
    }

    public FakeDocument version(String versionName, String versionDescription) {
        change().versions.add(new Version(OnshapeIds.next(), versionName, versionDescription, OnshapeIds.next(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return this;
    }

    public FakeDocument element(String elementName, ElementType type) {
        String source = type == ElementType.FEATURESTUDIO ? DEFAULT_FEATURESCRIPT : "";
        change().elements.add(new Element(OnshapeIds.next(), elementName, type, source));
        return this;
    }

    public FakeDocument featureStudio(String elementName, String featureScript) {
        change().elements.add(new Element(OnshapeIds.next(), elementName, ElementType.FEATURESTUDIO, featureScript));
        return this;
    }

    /** Fills in what the test left out and stops further changes; called when the fake takes the document. */
    FakeDocument freeze(FakeUser signedIn) {
        if (frozen) {
            throw new IllegalStateException("document " + name + " was already added");
        }
        owner = owner == null ? signedIn : owner;
        createdBy = createdBy == null ? owner : createdBy;
        modifiedBy = modifiedBy == null ? createdBy : modifiedBy;
        if (workspaces.isEmpty()) {
            workspace("Main");
        }
        if (elements.isEmpty()) {
            element("Part Studio 1", ElementType.PARTSTUDIO);
            element("Assembly 1", ElementType.ASSEMBLY);
            element("Drawing 1", ElementType.DRAWING);
            element("Feature Studio 1", ElementType.FEATURESTUDIO);
        }
        frozen = true;
        return this;
    }

    private FakeDocument change() {
        if (frozen) {
            throw new IllegalStateException("document " + name + " was already added to the fake");
        }
        return this;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public FakeUser owner() {
        return owner;
    }

    public FakeUser createdBy() {
        return createdBy;
    }

    public FakeUser modifiedBy() {
        return modifiedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public boolean isPublic() {
        return isPublic;
    }

    boolean startsUnreadable() {
        return unreadable;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public List<Workspace> workspaces() {
        return List.copyOf(workspaces);
    }

    public Workspace defaultWorkspace() {
        return workspaces.get(0);
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public List<Element> elements() {
        return List.copyOf(elements);
    }

    /** The first element of that type, e.g. to ask for its thumbnail. */
    public Element firstElement(ElementType type) {
        return elements.stream().filter(e -> e.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no " + type));
    }

    Optional<Element> findElement(String elementId) {
        return elements.stream().filter(e -> e.id().equals(elementId)).findFirst();
    }

    /** Whether {@code wvm}/{@code id} names a workspace, version or microversion of this document. */
    boolean has(String wvm, String wvmId) {
        switch (wvm) {
            case "w":
                return workspaces.stream().anyMatch(w -> w.id().equals(wvmId));
            case "v":
                return versions.stream().anyMatch(v -> v.id().equals(wvmId));
            case "m":
                return workspaces.stream().anyMatch(w -> w.microversion().equals(wvmId))
                        || versions.stream().anyMatch(v -> v.microversion().equals(wvmId));
            default:
                return false;
        }
    }

    /** The microversion a workspace or version is at. */
    Optional<String> microversion(String wv, String wvId) {
        if ("w".equals(wv)) {
            return workspaces.stream().filter(w -> w.id().equals(wvId)).map(Workspace::microversion).findFirst();
        }
        return versions.stream().filter(v -> v.id().equals(wvId)).map(Version::microversion).findFirst();
    }
}
