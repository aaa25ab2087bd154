package org.vitrine.store.mariadb.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.documents.Designer;
import org.vitrine.api.documents.DesignerPage;
import org.vitrine.api.documents.DesignerQuery;
import org.vitrine.api.documents.DesignerStore;

/** Designers from the {@code designers} table, counted over their public documents. */
@Component
public class MariaDbDesignerStore implements DesignerStore {

    private final Database database;

    @Activate
    public MariaDbDesignerStore(@Reference Database database) {
        this.database = database;
    }

    /** The page and the count in one transaction, so they agree. */
    @Override
    public DesignerPage search(DesignerQuery query) {
        String pattern = likePattern(query.name());
        return MapperSessions.inTransaction(database, DesignerMapper.class, m -> new DesignerPage(
                m.page(pattern, query.size(), (long) query.page() * query.size()).stream()
                        .map(DesignerProfileRow::toDesigner).toList(),
                m.count(pattern), query.page(), query.size()));
    }

    @Override
    public Optional<Designer> find(long id) {
        return Optional.ofNullable(MapperSessions.inSession(database, DesignerMapper.class, m -> m.byId(id)))
                .map(DesignerProfileRow::toDesigner);
    }

    /** The text as a LIKE pattern that matches it literally: its own % and _ are no wildcards. */
    static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
