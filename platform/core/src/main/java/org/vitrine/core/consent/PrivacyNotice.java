package org.vitrine.core.consent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.vitrine.api.consent.Purpose;
import org.vitrine.core.retention.AddressRetention;

/**
 * The admin's privacy statements: who is responsible, where the data lives, how long it is kept and which third
 * parties (processors) receive it for which purposes. One source for both {@code GET /api/privacy} and the
 * processors listed with each purpose in {@code GET /api/consent}. How long addresses are kept is not a statement
 * of its own: it is what the retention job applies ({@code retention.ip.days} in {@code config/platform.properties}).
 */
@Component(service = PrivacyNotice.class, configurationPid = PrivacyNotice.PID)
@Designate(ocd = PrivacySettings.class)
public class PrivacyNotice {

    static final String PID = "org.vitrine.privacy";

    /** A third party that processes personal data for some purposes. */
    record Processor(String id, String name, List<String> purposes, String location, String url) {
    }

    /** The statements as read at one moment. */
    record Statements(String controller, String contactEmail, String dataRegion, int ipDays, int consentYears,
                      List<Processor> processors) {
    }

    private final AddressRetention retention;
    private volatile Statements statements;

    @Activate
    public PrivacyNotice(PrivacySettings settings, Map<String, Object> properties, @Reference AddressRetention retention) {
        this.retention = retention;
        apply(settings, properties);
    }

    @Modified
    void modified(PrivacySettings settings, Map<String, Object> properties) {
        apply(settings, properties);
    }

    private void apply(PrivacySettings s, Map<String, Object> properties) {
        statements = new Statements(blankToNull(s.controller_name()), blankToNull(s.contact_email()), blankToNull(s.data_region()),
                0, s.retention_consent_years(), processors(s.processors(), properties));
    }

    Statements statements() {
        Statements s = statements;
        return new Statements(s.controller(), s.contactEmail(), s.dataRegion(), retention.retentionDays(), s.consentYears(),
                s.processors());
    }

    /** The names of the processors that serve a purpose: those the policy names, then the admin's. */
    List<String> processorNames(Purpose purpose) {
        List<String> names = new ArrayList<>(purpose.processors());
        statements.processors().stream().filter(p -> p.purposes().contains(purpose.id()))
                .map(Processor::name).filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    static List<Processor> processors(String ids, Map<String, Object> properties) {
        List<Processor> processors = new ArrayList<>();
        for (String id : split(ids)) {
            String prefix = "processor." + id + ".";
            String name = text(properties.get(prefix + "name"));
            processors.add(new Processor(id, name == null ? id : name, split(text(properties.get(prefix + "purposes"))),
                    text(properties.get(prefix + "location")), text(properties.get(prefix + "url"))));
        }
        return List.copyOf(processors);
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String text(Object value) {
        return value == null ? null : blankToNull(String.valueOf(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
