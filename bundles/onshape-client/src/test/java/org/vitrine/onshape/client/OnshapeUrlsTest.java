package org.vitrine.onshape.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.api.problem.DomainException;

class OnshapeUrlsTest {

    private static final OnshapeConfig CAD = OnshapeConfig.from(Map.of(), "https://designs.example.org");
    private static final String DID = "0123456789abcdef01234567";
    private static final String WID = "89abcdef0123456789abcdef";
    private static final String EID = "fedcba9876543210fedcba98";

    @Test
    void the_w_v_and_m_forms_with_or_without_element_and_query_are_recognised() {
        for (String form : new String[] {"/documents/" + DID, "/documents/" + DID + "/w/" + WID,
                "/documents/" + DID + "/v/" + WID + "/e/" + EID, "/documents/" + DID + "/m/" + WID + "/e/" + EID + "?configuration=default",
                "/documents/" + DID + "/w/" + WID + "/e/" + EID + "#anchor"}) {
            var url = OnshapeUrls.parse("https://cad.onshape.com" + form, CAD);
            assertEquals(DID, url.orElseThrow().documentId(), form);
        }
        assertEquals("v", OnshapeUrls.parse("https://CAD.onshape.com/documents/" + DID + "/v/" + WID, CAD).orElseThrow().wvm());
    }

    @Test
    void addresses_elsewhere_are_not_onshape_documents() {
        for (String url : new String[] {"https://evil.example/documents/" + DID, "http://cad.onshape.com/documents/" + DID,
                "https://cad.onshape.com.evil.example/documents/" + DID, "https://127.0.0.1/documents/" + DID,
                "https://[::1]/documents/" + DID, "https://cad.onshape.com:8443/documents/" + DID, "ftp://cad.onshape.com/documents/" + DID,
                "not a url", "", "//cad.onshape.com/documents/" + DID, "file:///etc/passwd"}) {
            assertTrue(OnshapeUrls.parse(url, CAD).isEmpty(), url);
        }
    }

    @Test
    void tricks_and_malformed_ids_on_the_onshape_host_are_refused() {
        for (String url : new String[] {"https://user:pw@cad.onshape.com/documents/" + DID,
                "https://cad.onshape.com@evil.example/documents/" + DID, "https://cad.onshape.com/documents/" + DID.toUpperCase(),
                "https://cad.onshape.com/documents/123", "https://cad.onshape.com/documents/" + DID + "/w/../../admin",
                "https://cad.onshape.com/documents/" + DID + "/x/" + WID, "https://cad.onshape.com/api/v16/documents/" + DID}) {
            assertThrows(DomainException.class, () -> OnshapeUrls.parse(url, CAD), url);
        }
    }

    @Test
    void an_enterprise_stack_is_recognised_on_its_own_host_only() {
        var enterprise = OnshapeConfig.from(Map.of("api.url", "https://acme.onshape.com"), null);
        assertTrue(OnshapeUrls.parse("https://acme.onshape.com/documents/" + DID, enterprise).isPresent());
        assertTrue(OnshapeUrls.parse("https://cad.onshape.com/documents/" + DID, enterprise).isEmpty());
    }
}
