package org.vitrine.store.mariadb.internal;

import java.util.List;

/** The licences of public documents. */
public interface LicenceMapper {

    List<String> licencesInUse();
}
