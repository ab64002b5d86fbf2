package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import java.util.List;
import org.springframework.stereotype.Service;

/** The loaded labs, for pages and the other lab services: look-up by id, the problems of labs left out, reload. */
@Service
public class Labs {

    private final LabCatalog catalog;

    Labs(LabCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Lab> labs() {
        return catalog.labs();
    }

    public Lab lab(String labId) {
        return catalog.lab(labId).orElseThrow(() -> new LabNotFoundException(labId));
    }

    /** The loaded labs and the problems of the ones left out. */
    public LabCatalog.Contents catalog() {
        return catalog.contents();
    }

    public LabCatalog.Contents reloadLabs() {
        return catalog.reload();
    }
}
