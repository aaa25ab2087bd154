package org.vitrine.core.accounts;

import java.util.List;

import org.vitrine.api.auth.AuthMethod;

/** The sign-in methods registered right now (inside core only). */
public interface SignInMethods {

    List<AuthMethod> current();
}
