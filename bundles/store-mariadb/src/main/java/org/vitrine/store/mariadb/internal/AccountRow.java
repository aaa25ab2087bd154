package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStatus;
import org.vitrine.api.accounts.NewAccount;
import org.vitrine.api.security.Role;

/**
 * A row of {@code accounts} with the names of its roles from {@code account_roles}. Status and roles travel
 * as the lower-case names the schema's ENUM columns hold; times as UTC {@link LocalDateTime} (see
 * {@link UtcTimes}).
 */
public class AccountRow {

    private Long id;
    private String email;
    private String displayName;
    private String firstName;
    private String lastName;
    private String company;
    private String avatarUrl;
    private String passwordHash;
    private String status;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private List<String> roles = new ArrayList<>();

    public AccountRow() {
    }

    static AccountRow of(NewAccount a, LocalDateTime now) {
        AccountRow row = new AccountRow();
        row.email = a.email();
        row.displayName = a.displayName();
        row.firstName = a.firstName();
        row.lastName = a.lastName();
        row.company = a.company();
        row.avatarUrl = a.avatarUrl();
        row.passwordHash = a.passwordHash();
        row.status = dbName(AccountStatus.ACTIVE);
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    Account toAccount() {
        Set<Role> roleSet = EnumSet.of(Role.USER);
        for (String role : roles) {
            if (role != null) {
                roleSet.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            }
        }
        return new Account(id, email, displayName, firstName, lastName, company, avatarUrl,
                AccountStatus.valueOf(status.toUpperCase(Locale.ROOT)), roleSet, UtcTimes.toInstant(createdAt));
    }

    /** The name the schema's ENUM columns use for a status or a role. */
    static String dbName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getCompany() { return company; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public void setCompany(String company) { this.company = company; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
}
