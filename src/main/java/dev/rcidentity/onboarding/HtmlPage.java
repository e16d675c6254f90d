package dev.rcidentity.onboarding;

import dev.rcidentity.query.ApiResponse;

import java.net.URI;

/**
 * The small pages a customer's admin sees during onboarding, and the redirect to RingCentral. Every value is escaped;
 * pages are never cached, send no referrer (the callback URL held a code) and load nothing.
 */
final class HtmlPage {
    private static final String TYPE = "text/html; charset=utf-8";

    private HtmlPage() {
    }

    static ApiResponse of(int status, String title, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;")
                .append("line-height:1.5}h1{font-size:1.4rem}</style></head><body><main><h1>")
                .append(escape(title)).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        html.append("</main></body></html>\n");
        return guarded(ApiResponse.text(status, html.toString(), TYPE))
                .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }

    static ApiResponse redirect(URI location) {
        return guarded(ApiResponse.text(302, "", TYPE)).withHeader("Location", location.toString());
    }

    private static ApiResponse guarded(ApiResponse response) {
        return response.withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
