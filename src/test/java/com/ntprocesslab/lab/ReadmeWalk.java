package com.ntprocesslab.lab;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What a student does who follows a lab's README literally: every line of every command block
 * (a fenced block without an info string; blocks marked {@code text} show something to read,
 * not to type), in order, and a Check wherever the prose says to press **Check**.
 */
public record ReadmeWalk(List<Step> steps) {

    /** A command to type, or a press of Check. */
    public sealed interface Step {
    }

    public record Type(String command) implements Step {
    }

    public record Check() implements Step {
    }

    public static ReadmeWalk of(String markdown) {
        List<Step> steps = new ArrayList<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getInfo() == null || block.getInfo().isBlank()) {
                    block.getLiteral().lines().map(String::strip).filter(line -> !line.isEmpty())
                            .forEach(line -> steps.add(new Type(line)));
                }
            }

            @Override
            public void visit(Paragraph paragraph) {
                boolean[] check = {false};
                paragraph.accept(new AbstractVisitor() {
                    @Override
                    public void visit(StrongEmphasis strong) {
                        if (strong.getFirstChild() instanceof Text text && text.getLiteral().equals("Check")) {
                            check[0] = true;
                        }
                    }
                });
                if (check[0]) {
                    steps.add(new Check());
                }
            }
        });
        return new ReadmeWalk(List.copyOf(steps));
    }

    public List<String> commands() {
        return steps.stream().filter(s -> s instanceof Type).map(s -> ((Type) s).command()).toList();
    }
}
