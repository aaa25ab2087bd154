package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Accounts with roles, created by an admin with the operations token ({@code POST /api/admin/accounts}), signed in. */
final class Staff {

    private Staff() {
    }

    /** A new account with these roles (e.g. {@code moderator}), signed in in a browser of its own. */
    static Browser signedIn(VitrineInstance vitrine, String who, String password, String... roles) throws Exception {
        String email = Browser.newEmail(who);
        HttpResponse<String> created = vitrine.postAsAdmin("/api/admin/accounts", VitrineInstance.JSON.writeValueAsString(
                Map.of("email", email, "password", password, "displayName", who, "roles", List.of(roles))));
        assertEquals(201, created.statusCode(), created.body());
        return Browser.signedIn(vitrine, email, password, who);
    }
}
