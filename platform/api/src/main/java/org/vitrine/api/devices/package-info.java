/**
 * Devices people sign in from: the store that remembers them per account (by a hash of a long-lived cookie), so
 * that a sign-in from a new one can be told to the account's owner, and a known one is recognised by its cookie
 * ({@link org.vitrine.api.devices.DeviceCookies}).
 */
@Version("1.1.0")
@Export
package org.vitrine.api.devices;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
