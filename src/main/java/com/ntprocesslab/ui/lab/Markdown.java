package com.ntprocesslab.ui.lab;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Lab instructions rendered from Markdown. Raw HTML in a README is escaped, never executed. */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static Html render(String markdown) {
        // Html needs exactly one root element.
        return new Html("<div class=\"lab-readme\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>");
    }
}
