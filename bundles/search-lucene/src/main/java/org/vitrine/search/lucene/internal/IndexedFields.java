package org.vitrine.search.lucene.internal;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.vitrine.api.search.SearchDocument;

/** The fields of a document in the index: searched texts, exact filters and the id. */
final class IndexedFields {

    static final String KEY = "key";
    static final String ID = "id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String ELEMENTS = "elements";
    static final String DESIGNERS = "designers";
    static final String PROVIDER = "provider";
    static final String LICENCE = "licence";
    static final String TAG = "tag";
    static final String DESIGNER = "designer";

    private IndexedFields() {
    }

    static Document of(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(d.id()), Field.Store.NO));
        doc.add(new StoredField(ID, d.id()));
        doc.add(new NumericDocValuesField(ID, d.id()));
        doc.add(new TextField(NAME, d.name(), Field.Store.NO));
        if (d.description() != null) {
            doc.add(new TextField(DESCRIPTION, d.description(), Field.Store.NO));
        }
        d.tags().forEach(t -> {
            doc.add(new TextField(TAGS, t, Field.Store.NO));
            doc.add(new StringField(TAG, exact(t), Field.Store.NO));
        });
        d.elementNames().forEach(e -> doc.add(new TextField(ELEMENTS, e, Field.Store.NO)));
        d.designerNames().forEach(n -> doc.add(new TextField(DESIGNERS, n, Field.Store.NO)));
        d.designerIds().forEach(id -> doc.add(new StringField(DESIGNER, Long.toString(id), Field.Store.NO)));
        doc.add(new StringField(PROVIDER, exact(d.provider()), Field.Store.NO));
        if (d.licence() != null) {
            doc.add(new StringField(LICENCE, exact(d.licence()), Field.Store.NO));
        }
        return doc;
    }

    /** Filters compare as the database's collation does: case and surrounding spaces do not count. */
    static String exact(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
