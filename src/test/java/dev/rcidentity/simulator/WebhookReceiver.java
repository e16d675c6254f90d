package dev.rcidentity.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint for the tests: answers the validation request as told, and keeps every notification. */
final class WebhookReceiver implements AutoCloseable {
    enum Validation { ECHO, NO_ECHO, WRONG_ECHO, TOO_LARGE, NOT_FOUND, HANG }

    record Received(String verificationToken, JsonNode json) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CountDownLatch released = new CountDownLatch(1);
    final BlockingQueue<Received> notifications = new LinkedBlockingQueue<>();
    final AtomicInteger validations = new AtomicInteger();
    volatile Validation validation = Validation.ECHO;
    /** The status notifications get; 0 = never answer (until closed). */
    volatile int deliveryStatus = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next notification, failing the test when none comes within 10 s. */
    Received next() throws InterruptedException {
        Received received = notifications.poll(10, TimeUnit.SECONDS);
        if (received == null) {
            throw new AssertionError("no notification within 10 s");
        }
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String token = exchange.getRequestHeaders().getFirst("Validation-Token");
        if (token != null) {
            validations.incrementAndGet();
            answerValidation(exchange, token);
            return;
        }
        notifications.add(new Received(exchange.getRequestHeaders().getFirst("Verification-Token"),
                SimClient.MAPPER.readTree(body)));
        int status = deliveryStatus;
        if (status == 0) {
            hang();
            status = 503;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void answerValidation(HttpExchange exchange, String token) throws IOException {
        byte[] body = new byte[0];
        switch (validation) {
            case ECHO -> exchange.getResponseHeaders().set("Validation-Token", token);
            case WRONG_ECHO -> exchange.getResponseHeaders().set("Validation-Token", token + "x");
            case TOO_LARGE -> {
                exchange.getResponseHeaders().set("Validation-Token", token);
                body = new byte[2048];
            }
            case HANG -> hang();
            default -> { }
        }
        exchange.sendResponseHeaders(validation == Validation.NOT_FOUND ? 404 : 200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Holds the request until the test ends: a receiver that does not answer. */
    private void hang() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
