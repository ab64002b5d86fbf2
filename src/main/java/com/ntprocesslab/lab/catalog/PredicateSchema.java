package com.ntprocesslab.lab.catalog;

import com.ntprocesslab.lab.checkpoint.BasePriority;
import com.ntprocesslab.lab.checkpoint.Called;
import com.ntprocesslab.lab.checkpoint.ChildOf;
import com.ntprocesslab.lab.checkpoint.CommandLineContains;
import com.ntprocesslab.lab.checkpoint.CsrProcess;
import com.ntprocesslab.lab.checkpoint.ExitStatus;
import com.ntprocesslab.lab.checkpoint.FailureFired;
import com.ntprocesslab.lab.checkpoint.HandleHeld;
import com.ntprocesslab.lab.checkpoint.InCallStack;
import com.ntprocesslab.lab.checkpoint.LastCallResult;
import com.ntprocesslab.lab.checkpoint.LoaderList;
import com.ntprocesslab.lab.checkpoint.Predicate;
import com.ntprocesslab.lab.checkpoint.ProcessAbsent;
import com.ntprocesslab.lab.checkpoint.ProcessCount;
import com.ntprocesslab.lab.checkpoint.ProcessExists;
import com.ntprocesslab.lab.checkpoint.ProcessId;
import com.ntprocesslab.lab.checkpoint.StoppedAt;
import com.ntprocesslab.lab.checkpoint.StoppedIn;
import com.ntprocesslab.lab.checkpoint.StoppedInStage;
import com.ntprocesslab.lab.checkpoint.SuspendCount;
import com.ntprocesslab.lab.checkpoint.ThreadCount;
import com.ntprocesslab.lab.checkpoint.ThreadState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The predicate vocabulary of lab.yaml: each predicate's name, its arguments with their types,
 * which are required, and how it is built. The README's table is generated from the same facts.
 */
final class PredicateSchema {

    enum Type { TEXT, NUMBER, BOOLEAN }

    record Arg(String name, Type type, boolean required) {
    }

    record Spec(String name, Map<String, Arg> args, Function<Args, Predicate> build) {
    }

    /** Already type-checked argument values. */
    record Args(Map<String, Object> values) {
        String text(String name) {
            return (String) values.get(name);
        }

        Optional<String> optionalText(String name) {
            return Optional.ofNullable((String) values.get(name));
        }

        long number(String name) {
            return (Long) values.get(name);
        }

        OptionalLong optionalNumber(String name) {
            Long value = (Long) values.get(name);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }

        boolean flag(String name, boolean fallback) {
            Boolean value = (Boolean) values.get(name);
            return value == null ? fallback : value;
        }
    }

    static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        spec("process_exists", a -> new ProcessExists(a.text("image")), req("image", Type.TEXT));
        spec("process_absent", a -> new ProcessAbsent(a.text("image")), req("image", Type.TEXT));
        spec("process_count", a -> new ProcessCount(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("process_id", a -> new ProcessId(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("child_of", a -> new ChildOf(a.text("image"), a.text("parent")), req("image", Type.TEXT), req("parent", Type.TEXT));
        spec("exit_status", a -> new ExitStatus(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("base_priority", a -> new BasePriority(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("command_line", a -> new CommandLineContains(a.text("image"), a.text("contains")), req("image", Type.TEXT), req("contains", Type.TEXT));
        spec("thread_count", a -> new ThreadCount(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("suspend_count", a -> new SuspendCount(a.text("image"), a.number("equals")), req("image", Type.TEXT), req("equals", Type.NUMBER));
        spec("thread_state", a -> new ThreadState(a.text("image"), a.text("state")), req("image", Type.TEXT), req("state", Type.TEXT));
        spec("loader_list", a -> new LoaderList(a.text("image"), a.flag("empty", false), a.optionalText("contains")),
                req("image", Type.TEXT), opt("empty", Type.BOOLEAN), opt("contains", Type.TEXT));
        spec("csr_process", a -> new CsrProcess(a.text("image"), a.flag("present", true), a.optionalNumber("shutdown_level"),
                a.optionalNumber("threads")), req("image", Type.TEXT), opt("present", Type.BOOLEAN), opt("shutdown_level", Type.NUMBER),
                opt("threads", Type.NUMBER));
        spec("handle", a -> new HandleHeld(a.text("owner"), a.text("type"), a.optionalText("target"), a.optionalNumber("access"),
                a.flag("present", true)), req("owner", Type.TEXT), req("type", Type.TEXT), opt("target", Type.TEXT),
                opt("access", Type.NUMBER), opt("present", Type.BOOLEAN));
        spec("stopped_at", a -> new StoppedAt(a.text("symbol")), req("symbol", Type.TEXT));
        spec("in_call_stack", a -> new InCallStack(a.text("symbol")), req("symbol", Type.TEXT));
        spec("stopped_in_stage", a -> new StoppedInStage(a.number("stage"), a.optionalText("image")),
                req("stage", Type.NUMBER), opt("image", Type.TEXT));
        spec("last_call", a -> new LastCallResult(a.optionalText("api"), a.optionalText("target"),
                Optional.ofNullable((Boolean) a.values().get("succeeded")), a.optionalNumber("win32_error")),
                opt("api", Type.TEXT), opt("target", Type.TEXT), opt("succeeded", Type.BOOLEAN), opt("win32_error", Type.NUMBER));
        spec("called", a -> new Called(a.text("api"), a.optionalText("caller"), a.optionalText("target"),
                Optional.ofNullable((Boolean) a.values().get("succeeded")), a.flag("present", true)),
                req("api", Type.TEXT), opt("caller", Type.TEXT), opt("target", Type.TEXT), opt("succeeded", Type.BOOLEAN), opt("present", Type.BOOLEAN));
        spec("failure_fired", a -> new FailureFired(a.text("kind")), req("kind", Type.TEXT));
        spec("stopped_in", a -> new StoppedIn(a.text("symbol")), req("symbol", Type.TEXT));
    }

    private PredicateSchema() {
    }

    private static Arg req(String name, Type type) {
        return new Arg(name, type, true);
    }

    private static Arg opt(String name, Type type) {
        return new Arg(name, type, false);
    }

    private static void spec(String name, Function<Args, Predicate> build, Arg... args) {
        Map<String, Arg> byName = new LinkedHashMap<>();
        for (Arg arg : args) {
            byName.put(arg.name(), arg);
        }
        SPECS.put(name, new Spec(name, byName, build));
    }

    /** Parses one list item of {@code predicates:}; problems go to the list and the result is empty. */
    static Optional<Predicate> parse(YamlNode item, ProblemList problems) {
        if (!(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
            problems.add(LabLoader.LAB_YAML, item.line(),
                    "a predicate is written as '- name: {argument: value}', e.g. '- process_exists: {image: notepad.exe}'");
            return Optional.empty();
        }
        Map.Entry<String, YamlNode> only = mapping.entries().entrySet().iterator().next();
        int line = mapping.keyLines().get(only.getKey());
        Spec spec = SPECS.get(only.getKey());
        if (spec == null) {
            problems.add(LabLoader.LAB_YAML, line, "unknown predicate '" + only.getKey() + "' (known: " + String.join(", ", SPECS.keySet()) + ")");
            return Optional.empty();
        }
        if (!(only.getValue() instanceof YamlNode.Mapping args)) {
            problems.add(LabLoader.LAB_YAML, line, "predicate '" + spec.name() + "' needs its arguments as a mapping: " + usage(spec));
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, YamlNode> arg : args.entries().entrySet()) {
            int argLine = args.keyLines().get(arg.getKey());
            Arg declared = spec.args().get(arg.getKey());
            if (declared == null) {
                problems.add(LabLoader.LAB_YAML, argLine, "predicate '" + spec.name() + "' has no argument '" + arg.getKey() + "': " + usage(spec));
                ok = false;
                continue;
            }
            Optional<Object> value = value(arg.getValue(), declared.type());
            if (value.isEmpty()) {
                problems.add(LabLoader.LAB_YAML, argLine, "argument '" + arg.getKey() + "' of '" + spec.name() + "' must be "
                        + describe(declared.type()) + ", found " + arg.getValue().kind());
                ok = false;
            } else {
                values.put(arg.getKey(), value.get());
            }
        }
        for (Arg arg : spec.args().values()) {
            if (arg.required() && !args.entries().containsKey(arg.name())) {
                problems.add(LabLoader.LAB_YAML, line, "predicate '" + spec.name() + "' needs argument '" + arg.name() + "': " + usage(spec));
                ok = false;
            }
        }
        return ok ? Optional.of(spec.build().apply(new Args(values))) : Optional.empty();
    }

    /** "process_count {image: text, equals: number}". */
    static String usage(Spec spec) {
        StringBuilder usage = new StringBuilder(spec.name()).append(" {");
        String separator = "";
        for (Arg arg : spec.args().values()) {
            usage.append(separator).append(arg.name()).append(arg.required() ? "" : "?").append(": ").append(arg.type().name().toLowerCase());
            separator = ", ";
        }
        return usage.append('}').toString();
    }

    private static String describe(Type type) {
        return switch (type) {
            case TEXT -> "a text";
            case NUMBER -> "a number (decimal, or hex like 0x57)";
            case BOOLEAN -> "true or false";
        };
    }

    private static Optional<Object> value(YamlNode node, Type type) {
        if (!(node instanceof YamlNode.Scalar scalar) || scalar.value() == null) {
            return Optional.empty();
        }
        Object value = scalar.value();
        return switch (type) {
            case TEXT -> value instanceof String text && !text.isBlank() ? Optional.of(text.strip()) : Optional.empty();
            case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
            case NUMBER -> number(value).map(n -> n);
        };
    }

    /** YAML reads 0x57 as a number already; a quoted "0x57" is accepted too. */
    static Optional<Long> number(Object value) {
        if (value instanceof Number number && number.longValue() == number.doubleValue()) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text) {
            String t = text.strip().toLowerCase();
            try {
                return Optional.of(t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
