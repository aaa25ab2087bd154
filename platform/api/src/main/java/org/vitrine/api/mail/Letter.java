package org.vitrine.api.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One message to one person, before it is rendered.
 *
 * @param accountId  the account it is for, or {@code null} when the address belongs to no account (yet); a
 *                   marketing letter without an account is never sent
 * @param to         the recipient's address, already normalised
 * @param template   which message
 * @param parameters the values of the template's {@link MailTemplate#parameters()}; plain text, the mail module
 *                   escapes them for HTML
 */
public record Letter(Long accountId, String to, MailTemplate template, Map<String, String> parameters) {
    public Letter {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        parameters = Map.copyOf(parameters);
        for (String name : template.parameters()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("template " + template + " needs the parameter '" + name + "'");
            }
        }
    }
}
