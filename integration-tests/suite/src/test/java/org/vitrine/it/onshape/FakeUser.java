package org.vitrine.it.onshape;

import java.util.Locale;

/**
 * An Onshape user as sessioninfo and document owners/creators/modifiers show them.
 * {@code companyId} and {@code companyName} are null for a user outside any company (sessioninfo then has no
 * {@code company}).
 */
public record FakeUser(String id, String firstName, String lastName, String email, String image,
                       String companyId, String companyName) {

    /** A user with a fresh 24-hex id, an e-mail made of the names and a company "Acme Robotics". */
    public static FakeUser named(String firstName, String lastName) {
        String email = (firstName + "." + lastName).toLowerCase(Locale.ROOT).replace(' ', '-') + "@example.com";
        return new FakeUser(OnshapeIds.next(), firstName, lastName, email,
                "https://cad.onshape.com/images/default-user.png", OnshapeIds.next(), "Acme Robotics");
    }

    public String name() {
        return firstName + " " + lastName;
    }

    public FakeUser withEmail(String email) {
        return new FakeUser(id, firstName, lastName, email, image, companyId, companyName);
    }

    public FakeUser withCompany(String companyId, String companyName) {
        return new FakeUser(id, firstName, lastName, email, image, companyId, companyName);
    }

    public FakeUser withoutCompany() {
        return new FakeUser(id, firstName, lastName, email, image, null, null);
    }

    public FakeUser withId(String id) {
        return new FakeUser(id, firstName, lastName, email, image, companyId, companyName);
    }
}
