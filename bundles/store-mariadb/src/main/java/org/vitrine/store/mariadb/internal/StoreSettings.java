package org.vitrine.store.mariadb.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the MariaDB store, from {@code config/store-mariadb.properties}. Connection details come from vitrine.properties. */
@ObjectClassDefinition(name = "MariaDB store", description = "Connection pool of the metadata store and its catalog cache")
@interface StoreSettings {

    @AttributeDefinition(name = "Pool size", description = "Most connections open at once (1 to 200); changes apply without restart")
    int pool_size() default 10;

    @AttributeDefinition(name = "Pool wait (ms)", description = "How long a request waits for a free, live connection "
            + "before it is answered 503 (250 to 3600000); changes apply without restart")
    long connection_timeout() default 5000;

    @AttributeDefinition(name = "Connect timeout (s)", description = "How long opening a connection to the database may "
            + "take (1 to 3600); applies to connections opened after the change")
    int db_connect_timeout_seconds() default 3;

    @AttributeDefinition(name = "Socket timeout (s)", description = "How long the database may stay silent on an open "
            + "connection before the request is answered 503 (1 to 3600, more than the statement timeout); applies to "
            + "connections opened after the change")
    int db_socket_timeout_seconds() default 8;

    @AttributeDefinition(name = "Statement timeout (s)", description = "How long one statement may run on the database "
            + "(1 to 3600); changes apply without restart")
    int db_statement_timeout_seconds() default 5;

    @AttributeDefinition(name = "Catalog cache (s)", description = "How long a catalog page or total may be reused while "
            + "nothing changes through Vitrine (0: never); documents imported or edited through Vitrine show at once")
    int catalog_cache_seconds() default 60;
}
