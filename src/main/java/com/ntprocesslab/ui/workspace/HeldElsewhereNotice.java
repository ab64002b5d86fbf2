package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineSessions;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a page shows instead of a machine that another server has open (the student's other
 * browser window landed on the other node): where it is open, what to do, and a way to try again.
 *
 * <p>A server that renewed its lease just before it died still looks alive, so a student who
 * signs in again on the surviving server right after a crash is refused like a second window.
 * The notice therefore watches the lease it was refused on: once that lease has run out, if its
 * server did not renew it (it stopped), the page reloads and the machine opens here; if it did
 * (it is alive: the machine really is open elsewhere), the notice stays until "Try again".
 */
public class HeldElsewhereNotice extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HeldElsewhereNotice.class);
    /** Past the lease's end, so that this node's take finds it run out. */
    private static final Duration AFTER_RUN_OUT = Duration.ofMillis(300);

    private final transient MachineSessions sessions;
    private final transient MachineHeldElsewhereException held;
    private transient Thread watch;

    public HeldElsewhereNotice(MachineHeldElsewhereException held, MachineSessions sessions) {
        this.sessions = sessions;
        this.held = held;
        setId("machine-held-elsewhere");
        H2 title = new H2(getTranslation("workspace.heldElsewhere"));
        Paragraph text = new Paragraph(getTranslation("workspace.heldElsewhere.text", held.machineId(), held.holder(),
                held.leaseDuration().toSeconds()));
        Button again = new Button(getTranslation("workspace.heldElsewhere.again"),
                click -> UI.getCurrent().getPage().reload());
        add(title, text, again);
        addAttachListener(attach -> watchLease(attach.getUI()));
        addDetachListener(detach -> stopWatching());
    }

    /** Once the refusal's lease has run out: reload if its server let it run out, else leave the notice be. */
    private void watchLease(UI ui) {
        if (watch != null) {
            return;
        }
        watch = Thread.ofVirtual().name("held-elsewhere-" + held.machineId()).start(() -> {
            try {
                Thread.sleep(sessions.untilRefusalLeaseRunsOut(held).plus(AFTER_RUN_OUT));
                if (!sessions.stillHeldElsewhere(held)) {
                    log.info("Machine {}: server {} let its lease run out after refusing a page here; the page opens it now.",
                            held.machineId(), held.holder());
                    ui.access(() -> ui.getPage().reload());
                }
            } catch (InterruptedException detached) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the database or the page went away meanwhile: the notice and its Try again stay
                log.debug("Machine {}: could not look at its lease again: {}", held.machineId(), e.getMessage());
            }
        });
    }

    private void stopWatching() {
        if (watch != null) {
            watch.interrupt();
            watch = null;
        }
    }
}
