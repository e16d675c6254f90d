package dev.rcidentity.query;

import org.apache.kafka.streams.state.HostInfo;

import java.util.Optional;

/** The other instances, reached over HTTP; a forwarded request is marked so that it is never forwarded again. */
interface Instances {
    /** GETs {@code pathAndQuery} from {@code target}; empty when it cannot be reached in time. */
    Optional<ApiResponse> get(HostInfo target, String pathAndQuery, String authorization);
}
