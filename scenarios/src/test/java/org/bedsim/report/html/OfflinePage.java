package org.bedsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Checks that an HTML report is well-formed (parsed as XML, since bedsim writes XHTML-compatible markup) and opens
 * offline: no script, no external stylesheet, font or image, no link or source leaving the page, ids unique and every
 * internal link landing on one.
 */
public final class OfflinePage {
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)");
    private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "link", "img", "iframe", "object",
            "embed", "base", "audio", "video", "source", "image", "use", "foreignObject");

    private OfflinePage() {
    }

    /** @return the page parsed as XML (external entities and DTDs disabled) */
    public static Document parse(String html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    /** Asserts the page is well-formed and self-contained; returns it parsed. */
    public static Document assertSelfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""), html.substring(0,
                Math.min(200, html.length())));
        Document doc = parse(html);
        assertEquals("html", doc.getDocumentElement().getLocalName());
        Set<String> ids = new HashSet<>();
        Set<String> links = new HashSet<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName();
            assertFalse(FORBIDDEN_ELEMENTS.contains(name), "a <" + name + "> element");
            NamedNodeMap attrs = e.getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                Node a = attrs.item(j);
                String an = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
                String v = a.getNodeValue();
                if (a.getNodeName().startsWith("xmlns")) {
                    continue; // namespace names identify vocabularies; nothing is loaded from them
                }
                assertFalse(an.equals("src") || an.equals("srcset") || an.equals("action") || an.equals("data"),
                        "attribute " + a.getNodeName() + "=" + v + " on <" + name + ">");
                if (an.equals("href")) {
                    assertTrue(v.startsWith("#"), "a link leaving the page: " + v);
                    links.add(v.substring(1));
                }
                if (an.equals("id")) {
                    assertTrue(ids.add(v), "id used twice: " + v);
                }
                if (an.equals("style") || an.startsWith("on")) {
                    assertFalse(an.startsWith("on"), "an event handler " + an);
                    assertNoExternalCss(v);
                }
                assertNoExternalCss(an.equals("clip-path") || an.equals("fill") || an.equals("mask")
                        || an.equals("filter") ? v : "");
            }
            if (name.equals("style")) {
                assertNoExternalCss(e.getTextContent());
            }
        }
        for (String l : links) {
            assertTrue(ids.contains(l), "a link to #" + l + ", which is not on the page");
        }
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "a script");
        return doc;
    }

    private static void assertNoExternalCss(String css) {
        assertFalse(css.contains("@import"), css);
        assertFalse(css.contains("@font-face"), css);
        Matcher m = URL.matcher(css);
        while (m.find()) {
            assertTrue(m.group(1).startsWith("#"), "url(" + m.group(1) + ") leaves the page");
        }
    }
}
