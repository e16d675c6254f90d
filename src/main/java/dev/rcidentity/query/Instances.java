package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The other instances, reached over HTTP; a forwarded request is marked so that it is never forwarded again. */
interface Instances {
    /**
     * Sends {@code method pathAndQuery} to {@code target}, with a JSON body when {@code body} is not null; empty when
     * it cannot be reached in time.
     */
    Optional<ApiResponse> exchange(HostInfo target, String method, String pathAndQuery, byte[] body, String authorization);

    /** {@link #exchange} while the caller goes on (a batch reads its own keys meanwhile); here: sent and awaited now. */
    default CompletableFuture<Optional<ApiResponse>> exchangeAsync(HostInfo target, String method, String pathAndQuery,
                                                                   byte[] body, String authorization) {
        return CompletableFuture.completedFuture(exchange(target, method, pathAndQuery, body, authorization));
    }

    default Optional<ApiResponse> get(HostInfo target, String pathAndQuery, String authorization) {
        return exchange(target, "GET", pathAndQuery, null, authorization);
    }
}
