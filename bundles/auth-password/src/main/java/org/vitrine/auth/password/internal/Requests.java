package org.vitrine.auth.password.internal;

import java.util.List;

/** Request bodies of the password module's endpoints. */
final class Requests {

    private Requests() {
    }

    public record Registration(String email, String password, String displayName, String firstName, String lastName,
                               String company) {
    }

    public record Login(String email, String password, String totp, String recoveryCode) {
    }

    public record Code(String code) {
    }

    public record TwoFactorOff(String password, String code) {
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
