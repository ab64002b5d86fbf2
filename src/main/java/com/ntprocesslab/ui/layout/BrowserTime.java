package com.ntprocesslab.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the person looking at the page reads them: in their browser's time zone, not the
 * server's (which may be another continent's, or UTC in a container). Falls back to the
 * browser's offset, and to UTC before the browser has told its zone.
 */
public final class BrowserTime {

    private BrowserTime() {
    }

    /** A formatter of {@code pattern} in the current page's browser zone. */
    public static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(zone());
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        if (details == null) {
            return ZoneOffset.UTC;
        }
        String id = details.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException unknownToJava) {
                // fall through to the offset the browser reported
            }
        }
        return ZoneOffset.ofTotalSeconds(details.getTimezoneOffset() / 1000);
    }
}
