package com.ntprocesslab.ui.lab;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lab instructions rendered from Markdown. Raw HTML in a README is escaped, never executed.
 * A fenced block without an info string holds console commands: it becomes a component of
 * its own (with copy and run buttons); blocks marked e.g. {@code text} are only shown.
 */
final class Markdown {

    /** Lab READMEs use GitHub tables (e.g. the XP phase to Windows 10 stage table). */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static Html render(String markdown) {
        return html(PARSER.parse(markdown));
    }

    /**
     * The README in order: runs of prose as HTML, each command block as {@code commandBlock} makes it.
     * The README's own title (a first-level heading before anything else) is left out: the lab
     * page's header shows the lab's title already, and a page should say it once.
     */
    static List<Component> render(String markdown, Function<List<String>, Component> commandBlock) {
        List<Component> parts = new ArrayList<>();
        Document prose = new Document();
        Node node = PARSER.parse(markdown).getFirstChild();
        if (node instanceof Heading heading && heading.getLevel() == 1) {
            node = node.getNext();
        }
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof FencedCodeBlock block && (block.getInfo() == null || block.getInfo().isBlank())) {
                if (prose.getFirstChild() != null) {
                    parts.add(html(prose));
                    prose = new Document();
                }
                parts.add(commandBlock.apply(block.getLiteral().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
            } else {
                prose.appendChild(node);
            }
            node = next;
        }
        if (prose.getFirstChild() != null) {
            parts.add(html(prose));
        }
        return parts;
    }

    private static Html html(Node document) {
        // Html needs exactly one root element.
        return new Html("<div class=\"lab-readme\">" + RENDERER.render(document) + "</div>");
    }
}
