package com.ntprocesslab.ui.lab;

import com.vaadin.flow.component.Html;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Lab instructions rendered from Markdown. Raw HTML in a README is escaped, never executed. */
final class Markdown {

    /** Lab READMEs use GitHub tables (e.g. the XP phase to Windows 10 stage table). */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static Html render(String markdown) {
        // Html needs exactly one root element.
        return new Html("<div class=\"lab-readme\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>");
    }
}
