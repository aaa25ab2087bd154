package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

class RouteTaggingTest {

    @Path("documents/{id}")
    static class Documents {
        @GET
        public void get() {
        }

        @GET
        @Path("/previews/{size: [0-9]+x[0-9]+}/")
        public void preview() {
        }
    }

    @Path("/health/")
    static class Health {
        @GET
        public void get() {
        }
    }

    @Test
    void a_route_is_the_class_and_method_templates_joined_without_their_regular_expressions() throws Exception {
        assertEquals("documents/{id}", RouteTagging.template(Documents.class, Documents.class.getMethod("get")));
        assertEquals("documents/{id}/previews/{size}", RouteTagging.template(Documents.class, Documents.class.getMethod("preview")));
        assertEquals("health", RouteTagging.template(Health.class, Health.class.getMethod("get")));
    }
}
