package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.accounts.AccountActivity;

/** An account's last sign-in and counts of what it imported (see AccountMapper.xml, {@code activity}). */
public class ActivityRow {

    private LocalDateTime lastSignInAt;
    private long importJobs;
    private long documentsImported;

    AccountActivity toActivity() {
        return new AccountActivity(lastSignInAt == null ? null : UtcTimes.toInstant(lastSignInAt), importJobs, documentsImported);
    }

    public LocalDateTime getLastSignInAt() { return lastSignInAt; }
    public void setLastSignInAt(LocalDateTime lastSignInAt) { this.lastSignInAt = lastSignInAt; }
    public long getImportJobs() { return importJobs; }
    public void setImportJobs(long importJobs) { this.importJobs = importJobs; }
    public long getDocumentsImported() { return documentsImported; }
    public void setDocumentsImported(long documentsImported) { this.documentsImported = documentsImported; }
}
