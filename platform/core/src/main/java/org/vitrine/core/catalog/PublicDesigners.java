package org.vitrine.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.documents.Designer;

/**
 * What the public sees of designers, wherever they appear (the designer list and page, and through their names the
 * catalog, a document and a design page's head).
 *
 * <ul>
 * <li>The <b>name</b> is always the provider's display name: the attribution the CAD provider itself publishes
 * with the document (legitimate interest in crediting a public design). It is all that is shown of a designer
 * not linked to any Vitrine account.</li>
 * <li>The <b>avatar and company</b> are a person's public profile: shown only for a designer linked to an account
 * (designers.account_id) that allows the {@value Purpose#SOCIAL} purpose now. Without that consent (refused,
 * withdrawn, or not given under an opt-in policy) the designer appears with the provider's name only, and neither
 * their own nor their account's avatar or company.</li>
 * <li>Searching designers matches the name only, so hidden data cannot be found by searching for it.</li>
 * </ul>
 * One consent question per page, for all its linked accounts together.
 */
@Component(service = PublicDesigners.class)
public class PublicDesigners {

    private final ConsentService consent;

    @Activate
    public PublicDesigners(@Reference ConsentService consent) {
        this.consent = consent;
    }

    /** The designers as the public may see them, in the same order. */
    public List<Designer> shown(List<Designer> designers) {
        List<Long> accounts = designers.stream().map(Designer::accountId).filter(Objects::nonNull).distinct().toList();
        Set<Long> allowing = accounts.isEmpty() ? Set.of() : consent.accountsAllowing(accounts, Purpose.SOCIAL);
        return designers.stream().map(d -> shown(d, allowing)).toList();
    }

    /** The designer as the public may see them. */
    public Designer shown(Designer designer) {
        return shown(List.of(designer)).get(0);
    }

    static Designer shown(Designer designer, Set<Long> accountsAllowingSocial) {
        return designer.accountId() != null && accountsAllowingSocial.contains(designer.accountId()) ? designer : designer.withoutProfile();
    }
}
