package org.vitrine.api.documents;

/**
 * Designers to list.
 *
 * @param name a part of the name to look for (any letter case), or null for everybody
 * @param page page number from 0
 * @param size designers per page, 1 to 100
 */
public record DesignerQuery(String name, int page, int size) {
}
