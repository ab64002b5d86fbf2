package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.progress.CheckOutcome;
import com.ntprocesslab.lab.text.Language;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The lab's checkpoints in order, each with its state: passed (and where), the next one to
 * reach (with what is still missing), or not reached yet (neutral: it comes later).
 */
class CheckpointList extends Div {

    /** Checks shown so far, as an attribute: a page (or a test) can tell a fresh answer from the previous one. */
    private int checksShown;

    CheckpointList() {
        setId("checkpoints");
        addClassName("checkpoints");
    }

    void showOutcomes(List<CheckOutcome> outcomes, Language language, boolean checked) {
        removeAll();
        if (checked) {
            getElement().setAttribute("data-checks", String.valueOf(++checksShown));
        }
        for (CheckOutcome outcome : outcomes) {
            String state = switch (outcome.status()) {
                case PASSED -> "passed";
                case NEXT -> "next";
                case NOT_REACHED -> "not-reached";
            };
            Div item = item(outcome, state, language);
            boolean showFeedback = outcome.status() == CheckOutcome.Status.PASSED
                    || (checked && outcome.status() == CheckOutcome.Status.NEXT);
            if (showFeedback) {
                for (String line : outcome.feedback().in(language).split("\n")) {
                    Paragraph paragraph = new Paragraph(line);
                    paragraph.addClassName("checkpoint-feedback");
                    item.add(paragraph);
                }
            }
            outcome.hint().ifPresent(hint -> {
                Paragraph paragraph = new Paragraph(getTranslation("lab.checkpoint.hint", hint.in(language)));
                paragraph.addClassName("checkpoint-hint");
                item.add(paragraph);
            });
            add(item);
        }
    }

    private Div item(CheckOutcome outcome, String state, Language language) {
        Div item = new Div();
        item.addClassNames("checkpoint", state);
        item.setId("checkpoint-" + outcome.checkpointId());
        Span badge = new Span(getTranslation("lab.checkpoint." + state));
        badge.getElement().getThemeList().add(switch (state) {
            case "passed" -> "badge success";
            case "next" -> "badge";
            default -> "badge contrast";
        });
        badge.addClassName("checkpoint-state");
        Span name = new Span(outcome.title().in(language));
        name.addClassName("checkpoint-title");
        item.add(badge, name);
        return item;
    }
}
