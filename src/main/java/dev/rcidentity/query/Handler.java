package dev.rcidentity.query;

/** Answers one route. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
