package com.example.accounts.notification;

import com.example.accounts.launcher.TestPlatform;
import io.restassured.response.Response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The mail the real SMTP server (GreenMail) received for an address, read back through its REST API and decoded. */
final class Inbox {

    /** One received email: its subject, headers and decoded plain-text and HTML parts. */
    record Mail(String subject, Map<String, String> headers, String text, String html) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Inbox() {
    }

    /** Every mail received for the address; none when GreenMail has no mailbox for it yet. */
    static List<Mail> of(String address) {
        Response response = given().get(TestPlatform.get().mail().apiUrl() + "/api/user/" + address + "/messages/INBOX");
        if (response.statusCode() == 400) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        List<Map<String, Object>> messages = response.then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> message : messages) {
            mails.add(parse((String) message.get("subject"), (String) message.get("mimeMessage")));
        }
        return mails;
    }

    static int count(String address) {
        return of(address).size();
    }

    /** The first mail for the address, waiting for it up to a minute. */
    static Mail awaitMail(String address) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> count(address) > 0);
        return of(address).get(0);
    }

    private static Mail parse(String subject, String mime) {
        Part message = Part.of(mime);
        String text = null;
        String html = null;
        List<Part> parts = message.contentType().startsWith("multipart/") ? message.parts() : List.of(message);
        for (Part part : parts) {
            for (Part leaf : part.contentType().startsWith("multipart/") ? part.parts() : List.of(part)) {
                if (leaf.contentType().startsWith("text/plain")) {
                    text = leaf.decoded();
                } else if (leaf.contentType().startsWith("text/html")) {
                    html = leaf.decoded();
                }
            }
        }
        return new Mail(subject, message.headers(), text, html);
    }

    private record Part(Map<String, String> headers, String body) {

        static Part of(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            return new Part(headers, body);
        }

        String contentType() {
            return headers.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT);
        }

        List<Part> parts() {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(headers.get("content-type"));
            if (!boundary.find()) {
                throw new IllegalStateException("a multipart without a boundary: " + headers);
            }
            List<Part> parts = new ArrayList<>();
            String[] pieces = body.split("--" + Pattern.quote(boundary.group(1)));
            for (int i = 1; i < pieces.length; i++) {
                if (pieces[i].startsWith("--")) {
                    break;
                }
                parts.add(Part.of(pieces[i].replaceFirst("^\r\n", "")));
            }
            return parts;
        }

        String decoded() {
            Matcher charsetMatch = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(headers.getOrDefault("content-type", ""));
            Charset charset = charsetMatch.find() ? Charset.forName(charsetMatch.group(1)) : StandardCharsets.US_ASCII;
            String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
            return switch (encoding) {
                case "base64" -> new String(Base64.getMimeDecoder().decode(body.strip()), charset);
                case "quoted-printable" -> quotedPrintable(body, charset);
                default -> body;
            };
        }

        private static String quotedPrintable(String text, Charset charset) {
            String joined = text.replace("=\r\n", "");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && isHex(joined, i + 1)) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(charset));
                }
            }
            return bytes.toString(charset);
        }

        private static boolean isHex(String text, int at) {
            return at + 2 <= text.length() && text.substring(at, at + 2).matches("[0-9A-Fa-f]{2}");
        }
    }
}
