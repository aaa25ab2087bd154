package org.vitrine.auth.password.internal;

import java.util.List;

/** Request bodies of the password module's endpoints. */
final class Requests {

    private Requests() {
    }

    public record Registration(String email, String password, String displayName, String firstName, String lastName,
                               String company) {
    }

    /** {@code totp} or {@code recoveryCode} completes the platform's second factor in the same request, when on. */
    public record Login(String email, String password, String totp, String recoveryCode) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record NewAccount(String email, String password, String displayName, List<String> roles) {
    }

    public record ResetRequest(String email) {
    }

    public record Reset(String token, String password) {
    }
}
