package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.contact.ContactRequest;
import org.vitrine.api.contact.ContactType;
import org.vitrine.api.contact.NewContactRequest;

/** A row of {@code contact_requests}. */
public class ContactRequestRow {

    private Long id;
    private String name;
    private String email;
    private String type;
    private String message;
    private String state;
    private LocalDateTime createdAt;
    private String ip;

    public ContactRequestRow() {
    }

    static ContactRequestRow of(NewContactRequest r) {
        ContactRequestRow row = new ContactRequestRow();
        row.name = r.name();
        row.email = r.email();
        row.type = r.type().id();
        row.message = r.message();
        row.createdAt = UtcTimes.toColumn(r.at());
        row.ip = r.ip();
        return row;
    }

    ContactRequest toRequest() {
        return new ContactRequest(id, name, email, ContactType.of(type).orElse(ContactType.OTHER), message,
                "open".equals(state), UtcTimes.toInstant(createdAt));
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
}
