package org.vitrine.auth.password.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of password sign-in, from {@code config/auth-password.properties}; edits apply without restart. */
@ObjectClassDefinition(name = "Password sign-in")
@interface PasswordSettings {

    @AttributeDefinition(name = "Minimum length", description = "In characters; NIST SP 800-63B asks for at least 8 and recommends 15")
    int password_min_length() default 12;

    @AttributeDefinition(name = "Argon2id memory (KiB)", description = "OWASP: 19456 (19 MiB)")
    int argon2_memory_kib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", description = "OWASP: 2")
    int argon2_iterations() default 2;

    @AttributeDefinition(name = "Argon2id parallelism", description = "OWASP: 1")
    int argon2_parallelism() default 1;

    @AttributeDefinition(name = "Hashing threads", description = "Passwords hashed at once; memory use is this times the Argon2id memory. 0 = one per core")
    int hashing_threads() default 0;

    @AttributeDefinition(name = "Hashing queue", description = "Sign-ins waiting for a hashing thread before more are refused with 429")
    int hashing_queue() default 64;

    @AttributeDefinition(name = "Failures before slowing down", description = "Failed sign-ins on one account before each further attempt must wait; counted per e-mail address for browsers that are not a known device of the account, and separately for each known device")
    int bruteforce_failures() default 30;

    @AttributeDefinition(name = "Wait step (seconds)", description = "The wait grows by this much with every further failure")
    int bruteforce_wait_seconds() default 60;

    @AttributeDefinition(name = "Longest wait (seconds)", description = "The wait never exceeds this, so a real user is never locked out for long")
    int bruteforce_max_wait_seconds() default 900;

    @AttributeDefinition(name = "Reset link lifetime (seconds)", description = "How long a link to choose a new password works; 1800 = 30 minutes")
    int reset_link_seconds() default 1800;
}
