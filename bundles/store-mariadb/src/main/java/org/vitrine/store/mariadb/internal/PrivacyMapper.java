package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Param;

/** SQL for data exports and the erasure of an account lives in PrivacyMapper.xml beside this interface. */
public interface PrivacyMapper {

    void insertExport(DataExportRow row);

    DataExportRow export(@Param("id") long id);

    List<DataExportRow> exportsOf(@Param("accountId") long accountId, @Param("limit") int limit);

    List<DataExportRow> exportsInState(@Param("states") List<String> states);

    void markExportRunning(@Param("id") long id);

    void markExportReady(@Param("id") long id, @Param("blobKey") String blobKey, @Param("readyAt") LocalDateTime readyAt,
                         @Param("expiresAt") LocalDateTime expiresAt);

    void markExportEnded(@Param("id") long id, @Param("state") String state);

    List<Long> importedDocuments(@Param("accountId") long accountId);

    List<AuditRow> auditEvents(@Param("subject") String subject, @Param("limit") int limit);

    /** The account's e-mail address before erasure, to find rows that name it without an account id. */
    String emailOf(@Param("accountId") long accountId);

    List<String> exportBlobs(@Param("accountId") long accountId);

    int disableImportedDocuments(@Param("accountId") long accountId, @Param("reason") String reason,
                                 @Param("now") LocalDateTime now);

    void unlinkDesigners(@Param("accountId") long accountId, @Param("now") LocalDateTime now);

    void forgetAuditAddresses(@Param("subject") String subject);

    void forgetConsentAddresses(@Param("accountId") long accountId);

    void forgetReports(@Param("accountId") long accountId, @Param("email") String email);

    void forgetContactRequests(@Param("email") String email);

    void forgetMail(@Param("accountId") long accountId, @Param("email") String email);

    void deleteTotp(@Param("accountId") long accountId);

    void deleteRecoveryCodes(@Param("accountId") long accountId);

    void deleteIdentities(@Param("accountId") long accountId);

    void deleteEmailTokens(@Param("accountId") long accountId);

    void deleteExports(@Param("accountId") long accountId);

    void eraseAccount(@Param("accountId") long accountId, @Param("now") LocalDateTime now);

    void deleteKnownDevices(@Param("accountId") long accountId);
}
