package org.vitrine.store.mariadb.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the MariaDB store, from {@code config/store-mariadb.properties}. Connection details come from vitrine.properties. */
@ObjectClassDefinition(name = "MariaDB store", description = "Connection pool of the metadata store and its catalog cache")
@interface StoreSettings {

    @AttributeDefinition(name = "Pool size", description = "Most connections open at once (1 to 200); changes apply without restart")
    int pool_size() default 10;

    @AttributeDefinition(name = "Connection timeout (ms)", description = "How long a request waits for a free connection")
    long connection_timeout() default 5000;

    @AttributeDefinition(name = "Catalog cache (s)", description = "How long a catalog page or total may be reused while "
            + "nothing changes through Vitrine (0: never); documents imported or edited through Vitrine show at once")
    int catalog_cache_seconds() default 60;
}
