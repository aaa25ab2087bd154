package org.vitrine.core.consent;

import java.util.List;

import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.Purpose;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /api/privacy} answers: the facts of the privacy page. Statements the admin left out are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivacyView(ConsentView.PolicyView policy, String controller, Contact contact, String dataRegion,
                          List<Retention> retention, List<PurposeView> purposes, List<ProcessorView> processors) {

    /** Where to send privacy questions and requests. */
    public record Contact(String email) {
    }

    /** How long one kind of data is kept. */
    public record Retention(String data, String period) {
    }

    /** A purpose as the privacy page explains it. */
    public record PurposeView(String id, String title, String description, String legalBasis, boolean refusable,
                              boolean defaultGranted, List<String> dataCategories, List<String> processors) {
    }

    /** A third party that receives personal data, and for which purposes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessorView(String id, String name, List<String> purposes, String location, String url) {
    }

    static PrivacyView of(ConsentPolicy policy, PrivacyNotice notice) {
        PrivacyNotice.Statements s = notice.statements();
        ConsentView.PolicyView policyView = new ConsentView.PolicyView(policy.id(), policy.name(), policy.version(),
                policy.effectiveDate().toString());
        List<Retention> retention = List.of(
                new Retention("IP addresses in access, audit and consent logs", s.ipDays() + " days, then shortened"),
                new Retention("Consent decisions", s.consentYears() + " years, as proof of consent"),
                new Retention("Account data", "until the account is deleted"),
                new Retention("Sessions", "in memory only, until sign-out or expiry"));
        List<PurposeView> purposes = policy.purposes().stream().map((Purpose p) -> new PurposeView(p.id(), p.title(), p.description(),
                ConsentView.basis(p.legalBasis()), p.refusable(), p.defaultGranted(), p.dataCategories(), notice.processorNames(p))).toList();
        List<ProcessorView> processors = s.processors().stream()
                .map(p -> new ProcessorView(p.id(), p.name(), p.purposes(), p.location(), p.url())).toList();
        return new PrivacyView(policyView, s.controller(), s.contactEmail() == null ? null : new Contact(s.contactEmail()),
                s.dataRegion(), retention, purposes, processors);
    }
}
