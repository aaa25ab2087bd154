/**
 * Text search over the public catalog. A {@link org.vitrine.api.search.SearchIndex} is derived data: it takes in
 * the documents the catalog shows and answers ids and a total; the database stays the truth, and the
 * {@link org.vitrine.api.search.SearchSource} gives everything needed to build the index again from it. The types
 * name no search engine, so an embedded index and a search server implement the same contract.
 */
@Version("1.0.0")
@Export
package org.vitrine.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
