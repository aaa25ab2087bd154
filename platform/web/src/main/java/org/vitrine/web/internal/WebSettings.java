package org.vitrine.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * HTTP settings of the platform, from {@code config/platform.properties}. Rate limits are given per policy as
 * {@code rate.<policy> = <requests>/<period>}, e.g. {@code rate.login.ip = 20/1m} (periods: s, m, h).
 */
@ObjectClassDefinition(name = "Vitrine web", description = "Sessions and rate limits")
@interface WebSettings {

    @AttributeDefinition(name = "Idle timeout (minutes)", description = "A session unused this long ends")
    int session_idle_minutes() default 30;

    @AttributeDefinition(name = "Absolute lifetime (hours)", description = "A session ends this long after sign-in, used or not")
    int session_absolute_hours() default 12;

    @AttributeDefinition(name = "Session cookie name")
    String session_cookie() default "vitrine_session";
}
