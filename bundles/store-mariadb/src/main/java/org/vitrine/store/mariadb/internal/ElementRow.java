package org.vitrine.store.mariadb.internal;

import org.vitrine.api.cad.FetchedDocument;

/** A row of {@code document_elements}: a tab of a document, at its position. */
public class ElementRow {

    private Long id;
    private String externalId;
    private String name;
    private String elementType;
    private Integer position;

    public ElementRow() {
    }

    FetchedDocument.Element toElement() {
        return new FetchedDocument.Element(externalId, name, elementType);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getElementType() { return elementType; }
    public void setElementType(String elementType) { this.elementType = elementType; }
    public Integer getPosition() { return position; }
    public void setPosition(Integer position) { this.position = position; }
}
