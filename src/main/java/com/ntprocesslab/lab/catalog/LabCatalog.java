package com.ntprocesslab.lab.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The labs students can open, read from a source of lab folders and checked by a verifier
 * (which runs them on machines). A broken lab is left out and reported; the others load.
 * {@link #reload()} re-reads everything and swaps the result in at once, so readers never see
 * a half-loaded catalog.
 */
public final class LabCatalog {

    /** What one load produced: the valid labs in folder order and every problem found. */
    public record Contents(List<Lab> labs, List<LabProblem> problems) {
    }

    private final Supplier<List<LabFiles>> source;
    private final Function<Lab, List<LabProblem>> verifier;
    private volatile Contents contents = new Contents(List.of(), List.of());

    public LabCatalog(Supplier<List<LabFiles>> source, Function<Lab, List<LabProblem>> verifier) {
        this.source = source;
        this.verifier = verifier;
    }

    public Contents reload() {
        List<Lab> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        List<LabFiles> folders;
        try {
            folders = source.get();
        } catch (RuntimeException e) {
            problems.add(new LabProblem("labs", "", 0, "the lab folders could not be listed: " + e.getMessage()));
            contents = new Contents(contents.labs(), problems);
            return contents;
        }
        for (LabFiles folder : folders.stream().sorted(Comparator.comparing(LabFiles::folder)).toList()) {
            List<LabProblem> found = loadOne(folder, labs);
            problems.addAll(found);
        }
        List<String> seen = new ArrayList<>();
        for (Lab lab : List.copyOf(labs)) {
            if (seen.contains(lab.id())) {
                problems.add(new LabProblem(lab.folder(), LabLoader.LAB_YAML, 0, "id '" + lab.id() + "' is already used by another lab folder"));
                labs.remove(lab);
            }
            seen.add(lab.id());
        }
        contents = new Contents(List.copyOf(labs), List.copyOf(problems));
        return contents;
    }

    /** Loads and verifies one folder; whatever goes wrong stays a problem of that lab. */
    private List<LabProblem> loadOne(LabFiles folder, List<Lab> labs) {
        try {
            LabLoader.Result result = LabLoader.load(folder);
            if (result.lab().isEmpty()) {
                return result.problems();
            }
            List<LabProblem> problems = verifier.apply(result.lab().get());
            if (problems.isEmpty()) {
                labs.add(result.lab().get());
            }
            return problems;
        } catch (RuntimeException e) {
            return List.of(new LabProblem(folder.folder(), "", 0, "could not be loaded: " + e));
        }
    }

    public Contents contents() {
        return contents;
    }

    public List<Lab> labs() {
        return contents.labs();
    }

    public Optional<Lab> lab(String id) {
        return contents.labs().stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
