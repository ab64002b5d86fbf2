package com.ntprocesslab.lab.catalog;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.checkpoint.Predicate;
import com.ntprocesslab.lab.checkpoint.Projection;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Localized;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one lab folder and checks it against the lab schema. Every problem is collected with
 * its file and line; a lab with any problem is not loaded, and nothing else is affected.
 * Running the scripts on a machine is {@code LabVerifier}'s job.
 */
public final class LabLoader {

    static final String LAB_YAML = "lab.yaml";
    static final String SETUP = "setup.cmd";
    static final String SOLUTION = "solution.cmd";
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "difficulty", "profile", "checkpoints");
    private static final Set<String> CHECKPOINT_KEYS = Set.of("id", "title", "predicates", "compare", "hint");
    private static final List<String> DIFFICULTIES = List.of("beginner", "intermediate", "advanced");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The lab, or the problems that kept it from loading. */
    public record Result(Optional<Lab> lab, List<LabProblem> problems) {
    }

    private LabLoader() {
    }

    public static Result load(LabFiles files) {
        try {
            return check(files);
        } catch (LabFileRejectedException e) {
            return new Result(Optional.empty(), List.of(new LabProblem(files.folder(), e.fileName(), e.line(), e.getMessage())));
        }
    }

    private static Result check(LabFiles files) {
        ProblemList problems = new ProblemList(files.folder());
        Optional<String> yamlText = files.read(LAB_YAML);
        if (yamlText.isEmpty()) {
            problems.add(LAB_YAML, 0, "missing: every lab folder needs a lab.yaml");
            return new Result(Optional.empty(), problems.list());
        }
        YamlNode root;
        try {
            root = YamlReader.read(yamlText.get());
        } catch (YamlReader.YamlSyntaxException e) {
            problems.add(LAB_YAML, e.line, e.getMessage());
            return new Result(Optional.empty(), problems.list());
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            problems.add(LAB_YAML, root.line(), "must be a mapping with id, title, difficulty, profile and checkpoints");
            return new Result(Optional.empty(), problems.list());
        }
        unknownKeys(top, TOP_KEYS, problems);
        String id = text(top, "id", problems).orElse("");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(LAB_YAML, top.entries().get("id").line(), "id '" + id + "' must be lower-case letters, digits and dashes");
        } else if (!id.isEmpty() && !id.equals(files.folder())) {
            problems.add(LAB_YAML, top.entries().get("id").line(), "id '" + id + "' differs from the folder name '" + files.folder()
                    + "'; name the folder after the lab");
        }
        Optional<Localized> title = localized(top, "title", true, problems);
        String difficulty = oneOf(top, "difficulty", DIFFICULTIES, problems).orElse("");
        Profile profile = oneOf(top, "profile", List.of("modern", "classic"), problems)
                .map(p -> Profile.valueOf(p.toUpperCase(Locale.ROOT))).orElse(Profile.MODERN);
        List<Checkpoint> checkpoints = checkpoints(top, problems);

        Optional<Localized> readme = readmes(files, problems);
        CommandScript setup = script(files, SETUP, problems);
        CommandScript solution = script(files, SOLUTION, problems);
        if (solution.commands().isEmpty() && files.read(SOLUTION).isPresent()) {
            problems.add(SOLUTION, 0, "has no command: the reference solution must do something");
        }
        setup.marks().forEach((mark, count) -> problems.add(SETUP, setup.markLines().get(mark),
                "'# @checkpoint' marks belong in solution.cmd, not in setup.cmd"));
        Set<String> checkpointIds = new HashSet<>(checkpoints.stream().map(Checkpoint::id).toList());
        solution.marks().keySet().stream().filter(mark -> !checkpointIds.contains(mark))
                .forEach(mark -> problems.add(SOLUTION, solution.markLines().get(mark),
                        "marks checkpoint '" + mark + "', which lab.yaml does not define (defined: " + String.join(", ", checkpointIds) + ")"));

        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems.list());
        }
        Lab lab = new Lab(id, files.folder(), title.orElseThrow(), difficulty, profile, checkpoints, readme.orElseThrow(),
                setup.commands(), solution.commands(), solution.marks(), fingerprint(files));
        return new Result(Optional.of(lab), List.of());
    }

    private static List<Checkpoint> checkpoints(YamlNode.Mapping top, ProblemList problems) {
        YamlNode node = top.entries().get("checkpoints");
        if (node == null) {
            problems.add(LAB_YAML, top.line(), "missing 'checkpoints': a lab needs at least one checkpoint");
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
            problems.add(LAB_YAML, node.line(), "'checkpoints' must be a non-empty list, found " + node.kind());
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Mapping checkpoint)) {
                problems.add(LAB_YAML, item.line(), "a checkpoint must be a mapping with id, title and predicates or compare");
                continue;
            }
            unknownKeys(checkpoint, CHECKPOINT_KEYS, problems);
            Optional<String> id = text(checkpoint, "id", problems);
            id.filter(i -> !ID.matcher(i).matches()).ifPresent(i -> problems.add(LAB_YAML, checkpoint.entries().get("id").line(),
                    "checkpoint id '" + i + "' must be lower-case letters, digits and dashes"));
            id.filter(i -> !seen.add(i)).ifPresent(i -> problems.add(LAB_YAML, checkpoint.entries().get("id").line(),
                    "checkpoint id '" + i + "' is used twice"));
            Optional<Localized> title = localized(checkpoint, "title", true, problems);
            Optional<Localized> hint = localized(checkpoint, "hint", false, problems);
            Optional<Criterion> criterion = criterion(checkpoint, problems);
            if (id.isPresent() && title.isPresent() && criterion.isPresent()) {
                checkpoints.add(new Checkpoint(id.get(), title.get(), criterion.get(), hint, checkpoint.line()));
            }
        }
        return checkpoints;
    }

    private static Optional<Criterion> criterion(YamlNode.Mapping checkpoint, ProblemList problems) {
        YamlNode predicates = checkpoint.entries().get("predicates");
        YamlNode compare = checkpoint.entries().get("compare");
        if ((predicates == null) == (compare == null)) {
            problems.add(LAB_YAML, checkpoint.line(), "a checkpoint needs exactly one of 'predicates' (a list of predicates) "
                    + "or 'compare' (a list of projections: " + projectionNames() + ")");
            return Optional.empty();
        }
        if (predicates != null) {
            if (!(predicates instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
                problems.add(LAB_YAML, predicates.line(), "'predicates' must be a non-empty list, found " + predicates.kind());
                return Optional.empty();
            }
            List<Predicate> parsed = new ArrayList<>();
            boolean ok = true;
            for (YamlNode item : list.items()) {
                Optional<Predicate> predicate = PredicateSchema.parse(item, problems);
                predicate.ifPresent(parsed::add);
                ok &= predicate.isPresent();
            }
            return ok ? Optional.of(new Criterion.Predicates(List.copyOf(parsed))) : Optional.empty();
        }
        if (!(compare instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
            problems.add(LAB_YAML, compare.line(), "'compare' must be a non-empty list of projections (" + projectionNames() + ")");
            return Optional.empty();
        }
        Set<Projection> projections = EnumSet.noneOf(Projection.class);
        boolean ok = true;
        for (YamlNode item : list.items()) {
            Optional<Projection> projection = item instanceof YamlNode.Scalar s && s.value() instanceof String name
                    ? Arrays.stream(Projection.values()).filter(p -> p.yamlName().equals(name)).findFirst() : Optional.empty();
            if (projection.isEmpty()) {
                problems.add(LAB_YAML, item.line(), "unknown projection " + describe(item) + " (known: " + projectionNames() + ")");
                ok = false;
            } else {
                projections.add(projection.get());
            }
        }
        return ok ? Optional.of(new Criterion.Comparison(projections)) : Optional.empty();
    }

    private static Optional<Localized> readmes(LabFiles files, ProblemList problems) {
        Optional<String> en = files.read("README." + Language.EN.tag() + ".md");
        Optional<String> zh = files.read("README." + Language.ZH_CN.tag() + ".md");
        for (Language language : Language.values()) {
            Optional<String> text = language == Language.EN ? en : zh;
            if (text.isEmpty() || text.get().isBlank()) {
                problems.add("README." + language.tag() + ".md", 0, text.isEmpty()
                        ? "missing: the instructions must exist in English and Simplified Chinese"
                        : "is empty: write the instructions in " + (language == Language.EN ? "English" : "Simplified Chinese"));
            }
        }
        return en.isPresent() && zh.isPresent() ? Optional.of(new Localized(en.get(), zh.get())) : Optional.empty();
    }

    private static CommandScript script(LabFiles files, String name, ProblemList problems) {
        Optional<String> text = files.read(name);
        if (text.isEmpty()) {
            problems.add(name, 0, "missing: every lab has a " + name + " (it may hold only comments)");
            return CommandScript.parse("");
        }
        return CommandScript.parse(text.get());
    }

    private static Optional<Localized> localized(YamlNode.Mapping parent, String key, boolean required, ProblemList problems) {
        YamlNode node = parent.entries().get(key);
        if (node == null) {
            if (required) {
                problems.add(LAB_YAML, parent.line(), "missing '" + key + "' (with 'en' and 'zh-CN' texts)");
            }
            return Optional.empty();
        }
        if (!(node instanceof YamlNode.Mapping texts)) {
            problems.add(LAB_YAML, node.line(), "'" + key + "' must have an 'en' and a 'zh-CN' text, found " + node.kind());
            return Optional.empty();
        }
        texts.entries().keySet().stream().filter(k -> !k.equals("en") && !k.equals("zh-CN"))
                .forEach(k -> problems.add(LAB_YAML, texts.keyLines().get(k), "'" + key + "' has an unknown language '" + k + "' (use en and zh-CN)"));
        Optional<String> en = translation(texts, key, "en", problems);
        Optional<String> zh = translation(texts, key, "zh-CN", problems);
        return en.isPresent() && zh.isPresent() ? Optional.of(new Localized(en.get(), zh.get())) : Optional.empty();
    }

    private static Optional<String> translation(YamlNode.Mapping texts, String key, String language, ProblemList problems) {
        YamlNode node = texts.entries().get(language);
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String text && !text.isBlank()) {
            return Optional.of(text.strip());
        }
        problems.add(LAB_YAML, node == null ? texts.line() : node.line(), "'" + key + "' has no " + language + " translation");
        return Optional.empty();
    }

    private static Optional<String> text(YamlNode.Mapping parent, String key, ProblemList problems) {
        YamlNode node = parent.entries().get(key);
        if (node == null) {
            problems.add(LAB_YAML, parent.line(), "missing '" + key + "'");
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar s && s.value() != null && !s.text().isBlank()) {
            return Optional.of(s.text().strip());
        }
        problems.add(LAB_YAML, node.line(), "'" + key + "' must be a text, found " + node.kind());
        return Optional.empty();
    }

    private static Optional<String> oneOf(YamlNode.Mapping parent, String key, List<String> allowed, ProblemList problems) {
        return text(parent, key, problems).flatMap(value -> {
            if (allowed.contains(value)) {
                return Optional.of(value);
            }
            problems.add(LAB_YAML, parent.entries().get(key).line(), "'" + key + "' is '" + value + "', expected one of " + String.join(", ", allowed));
            return Optional.empty();
        });
    }

    private static void unknownKeys(YamlNode.Mapping mapping, Set<String> allowed, ProblemList problems) {
        mapping.entries().keySet().stream().filter(k -> !allowed.contains(k)).forEach(k -> problems.add(LAB_YAML,
                mapping.keyLines().get(k), "unknown key '" + k + "' (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.value() != null ? "'" + s.text() + "'" : node.kind();
    }

    private static String projectionNames() {
        return String.join(", ", Arrays.stream(Projection.values()).map(Projection::yamlName).toList());
    }

    /** A digest of every file the lab is made of, so an edited lab never reuses a cached reference run. */
    private static String fingerprint(LabFiles files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : List.of(LAB_YAML, "README.en.md", "README.zh-CN.md", SETUP, SOLUTION)) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(files.read(name).orElse("").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

}
