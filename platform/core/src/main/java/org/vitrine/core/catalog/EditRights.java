package org.vitrine.core.catalog;

import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;

/** Who may change what Vitrine shows about a document: the account that imported it, or an admin. */
public final class EditRights {

    private EditRights() {
    }

    public static boolean mayEdit(Caller caller, PublishedDocument document) {
        if (caller == null) {
            return false;
        }
        return caller.has(Role.ADMIN)
                || (caller.accountId() != null && caller.accountId().equals(document.importedBy()));
    }
}
