package org.vitrine.it.onshape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain java.net.http client of the fake, as Vitrine's Onshape client would talk to Onshape. */
final class OnshapeHttp {

    /** The Accept header ONSHAPE.md recommends, with the {@code qs} parameter copied from the description. */
    static final String ACCEPT_JSON = "application/json;charset=UTF-8; qs=0.09";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeOnshape onshape;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    OnshapeHttp(FakeOnshape onshape) {
        this.onshape = onshape;
    }

    /** GETs {@code pathOrUri}: a path relative to {@code /api/v16}, or an absolute URI such as a {@code next}. */
    HttpResponse<String> get(String pathOrUri, String token) {
        return send(request(pathOrUri, token, ACCEPT_JSON).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> image(String pathOrUri, String token) {
        return send(request(pathOrUri, token, "image/png").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String pathOrUri, String token, Duration timeout) throws IOException,
            InterruptedException {
        return client.send(request(pathOrUri, token, ACCEPT_JSON).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String pathOrUri, String token, String accept) {
        URI uri = pathOrUri.startsWith("http") ? URI.create(pathOrUri)
                : URI.create(onshape.apiBaseUri() + pathOrUri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", accept);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** GET {@code /oauth/authorize} with these parameters; the answer is not followed. */
    HttpResponse<String> authorize(Map<String, String> parameters) {
        URI uri = URI.create(onshape.authorizeUri() + "?" + FormEncoding.encode(parameters));
        return send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST {@code /oauth/token} with this form. */
    HttpResponse<String> token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(onshape.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
