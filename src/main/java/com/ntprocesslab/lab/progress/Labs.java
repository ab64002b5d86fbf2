package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.store.access.AccessPolicy;
import java.util.List;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The loaded labs, for pages and the other lab services: look-up by id, the problems of labs left out, reload. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Labs {

    private final LabCatalog catalog;
    private final AccessPolicy access;

    public List<Lab> labs() {
        return catalog.labs();
    }

    public Lab lab(String labId) {
        return catalog.lab(labId).orElseThrow(() -> new LabNotFoundException(labId));
    }

    /** The loaded labs and the problems of the ones left out (file paths and reasons: for instructors). */
    public LabCatalog.Contents catalog(String caller) {
        access.requireInstructor(caller);
        return catalog.contents();
    }

    /** Reads the lab folders again; only an instructor may, since every student's page changes. */
    public LabCatalog.Contents reloadLabs(String caller) {
        access.requireInstructor(caller);
        return catalog.reload();
    }
}
