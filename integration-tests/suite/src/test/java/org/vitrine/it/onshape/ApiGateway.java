package org.vitrine.it.onshape;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Everything under {@code /api/}: records the call, checks it against the contract, applies the planned faults
 * and pacing, authenticates it, lets {@link ApiEndpoints} answer, sends the answer and checks that too.
 * <p>
 * A call that breaks the contract is answered as Onshape would (404 unknown path, 405 wrong method, 401 no
 * token, 400 otherwise) and noted as a violation, so the test that caused it fails.
 */
final class ApiGateway implements HttpHandler {

    private final OpenApiContract contract;
    private final RequestLog log;
    private final Violations violations;
    private final Faults faults;
    private final TokenLedger tokens;
    private final ApiEndpoints endpoints;
    private volatile UnaryOperator<Reply> tampering = UnaryOperator.identity();

    ApiGateway(OpenApiContract contract, RequestLog log, Violations violations, Faults faults, TokenLedger tokens,
               ApiEndpoints endpoints) {
        this.contract = contract;
        this.log = log;
        this.violations = violations;
        this.faults = faults;
        this.tokens = tokens;
        this.endpoints = endpoints;
    }

    /** Lets a test spoil the fake's answers, to prove that the contract catches bad ones. */
    void tamperWith(UnaryOperator<Reply> change) {
        tampering = change;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RecordedRequest request = log.record(exchange);
        String apiPath = request.path().startsWith(OpenApiContract.BASE_PATH)
                ? request.path().substring(OpenApiContract.BASE_PATH.length()) : request.path();
        Reply reply;
        try {
            List<OpenApiContract.Violation> broken = contract.checkRequest(request);
            if (broken.isEmpty()) {
                reply = answer(request, apiPath);
            } else {
                broken.forEach(v -> violations.add(request.describe() + " breaks the contract: " + v));
                reply = refusal(broken);
            }
        } catch (RuntimeException e) {
            // a bug in the fake must fail the test too, not just leave the client without an answer
            violations.add("the fake failed on " + request.describe() + ": " + e);
            reply = Reply.error(500, "The fake Onshape failed: " + e);
        }
        if (reply.status() == 429) {
            log.tooManyRequestsSent();
        }
        reply = tampering.apply(reply.withHeader("X-Rate-Limit-Remaining",
                reply.status() == 429 ? "0" : Integer.toString(faults.remaining())));
        send(exchange, request, reply);
    }

    /** Faults are decided on arrival, so that a call stalled for long does not use up faults planned later. */
    private Reply answer(RecordedRequest request, String apiPath) {
        Duration delay = faults.delay(apiPath);
        Optional<Reply> fault = faults.answer(apiPath);
        if (!pause(delay)) {
            return Reply.error(503, "The fake Onshape is shutting down");
        }
        return fault
                .or(() -> unauthenticated(request))
                .or(() -> endpoints.answer(request, apiPath))
                .orElseGet(() -> {
                    violations.add(request.describe() + " is in Onshape's API but the fake does not implement it");
                    return Reply.error(501, "Not implemented by the fake Onshape");
                });
    }

    private Optional<Reply> unauthenticated(RecordedRequest request) {
        String authorization = request.header("authorization").orElse("");
        boolean valid = authorization.startsWith("Bearer ")
                && tokens.accepts(authorization.substring("Bearer ".length()));
        return valid ? Optional.empty()
                : Optional.of(Reply.error(401, "Unauthenticated API request"));
    }

    private static Reply refusal(List<OpenApiContract.Violation> broken) {
        String message = broken.get(0).message();
        if (any(broken, OpenApiContract.PATH_MISSING)) {
            return Reply.error(404, message);
        }
        if (any(broken, OpenApiContract.METHOD_NOT_ALLOWED)) {
            return Reply.error(405, message);
        }
        if (any(broken, "validation.request.security")) {
            return Reply.error(401, "Unauthenticated API request");
        }
        return Reply.error(400, message);
    }

    private static boolean any(List<OpenApiContract.Violation> broken, String keyPrefix) {
        return broken.stream().anyMatch(v -> v.key().startsWith(keyPrefix));
    }

    /** Sends, then checks the answer: the first check of a schema is slow, and no client should wait for it. */
    private void send(HttpExchange exchange, RecordedRequest request, Reply reply) {
        violations.checkStarted();
        try {
            try {
                reply.sendTo(exchange);
            } catch (IOException clientGone) {
                // a client that timed out during a stall has closed the connection; the answer still gets checked
            }
            contract.checkResponse(request, reply.status(), reply.contentType(), reply.body())
                    .forEach(v -> violations.add("the answer " + reply.status() + " to " + request.describe()
                            + " breaks the contract: " + v));
        } catch (RuntimeException e) {
            violations.add("checking the answer to " + request.describe() + " failed: " + e);
        } finally {
            violations.checkFinished();
        }
    }

    /** @return false when interrupted because the fake is closing */
    private static boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
