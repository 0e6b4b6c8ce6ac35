package org.bedsim.web;

/** HTML escaping and the page layout shared by every page. */
final class Html {
    private Html() {
    }

    /** @return text escaped for HTML content and attribute values */
    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** @return a URL path segment, percent-encoded */
    static String seg(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @return a whole page: head with the stylesheet, the navigation, the body, the script */
    static String page(String title, String csrf, String active, String body, String... extraHead) {
        StringBuilder b = new StringBuilder(4096 + body.length());
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append(csrf.isEmpty() ? "" : "<meta name=\"csrf-token\" content=\"" + esc(csrf) + "\">")
                .append("<title>").append(esc(title)).append(" - bedsim</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/app.css\">");
        for (String h : extraHead) {
            b.append(h);
        }
        b.append("</head><body><header><a class=\"brand\" href=\"/\">bedsim</a><nav>")
                .append(nav("/", "Scenarios", active))
                .append(nav("/runs", "Runs", active))
                .append(nav("/compare", "Compare runs", active))
                .append("</nav></header><main>")
                .append(body)
                .append("</main><script src=\"/static/app.js\"></script></body></html>\n");
        return b.toString();
    }

    private static String nav(String href, String label, String active) {
        return "<a href=\"" + href + "\"" + (href.equals(active) ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
    }

    /** @return a hidden form field with the CSRF token */
    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">";
    }
}
