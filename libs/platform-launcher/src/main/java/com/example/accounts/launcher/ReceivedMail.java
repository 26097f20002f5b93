package com.example.accounts.launcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail as the SMTP server received it, decoded: the subject, the headers (names in lower case), and the text of
 * its plain and HTML parts (quoted-printable and base64 undone, in their charsets). Null for a part it has not.
 */
public record ReceivedMail(String subject, Map<String, String> headers, String text, String html) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The plain part, else the HTML part: what a reader of the mail sees. */
    public String body() {
        return text != null ? text : html;
    }

    /** Decodes a raw MIME message (CRLF line ends) whose subject the server already decoded. */
    public static ReceivedMail parse(String subject, String mime) {
        Part message = Part.of(mime);
        String text = null;
        String html = null;
        for (Part leaf : message.leaves()) {
            if (text == null && leaf.contentType().startsWith("text/plain")) {
                text = leaf.decoded();
            } else if (html == null && leaf.contentType().startsWith("text/html")) {
                html = leaf.decoded();
            }
        }
        return new ReceivedMail(subject, message.headers(), text, html);
    }

    private record Part(Map<String, String> headers, String body) {

        static Part of(String raw) {
            String normalized = raw.replace("\r\n", "\n").replace("\n", "\r\n");
            int split = normalized.indexOf("\r\n\r\n");
            String head = split < 0 ? normalized : normalized.substring(0, split);
            String body = split < 0 ? "" : normalized.substring(split + 4);
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

        List<Part> leaves() {
            if (!contentType().startsWith("multipart/")) {
                return List.of(this);
            }
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(headers.get("content-type"));
            if (!boundary.find()) {
                return List.of();
            }
            List<Part> leaves = new ArrayList<>();
            String[] pieces = body.split("--" + Pattern.quote(boundary.group(1)));
            for (int i = 1; i < pieces.length && !pieces[i].startsWith("--"); i++) {
                leaves.addAll(Part.of(pieces[i].replaceFirst("^\r\n", "")).leaves());
            }
            return leaves;
        }

        String decoded() {
            Matcher declared = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(headers.getOrDefault("content-type", ""));
            Charset charset = declared.find() ? Charset.forName(declared.group(1)) : StandardCharsets.US_ASCII;
            return switch (headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT)) {
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
                if (c == '=' && i + 3 <= joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(charset));
                }
            }
            return bytes.toString(charset);
        }
    }
}
