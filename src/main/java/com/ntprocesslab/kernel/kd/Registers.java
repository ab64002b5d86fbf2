package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ps.EThread;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * r: the registers this machine models, in the order and layout of WinDbg's x64 (or x86)
 * register display ("r (Registers)" in Microsoft's debugger reference), followed by the
 * current instruction as after a step. A step has no general-purpose registers of its own:
 * the machine models the instruction pointer (the step about to run), the stack pointer (the
 * innermost frame's Child-SP, as k shows it) and, on x64, the argument registers of the
 * current routine's call: rcx, rdx, r8 and r9 carry the first four numbers of its argument
 * block (handles, flags, addresses), as the x64 calling convention passes them. Registers it
 * does not model are left out.
 */
final class Registers {
    private static final String[] ARGUMENT_REGISTERS = {"rcx", "rdx", " r8", " r9"};

    private Registers() {
    }

    static CommandResult show(Debugger d) {
        EThread thread = d.contextThread();
        if (thread == null || d.kernel.engine.location(thread) == null) {
            return Debugger.accept(Where.is(d.kernel, thread));
        }
        boolean x86 = d.kernel.profile == Profile.CLASSIC;
        Frame top = thread.top();
        long ip = Where.instructionPointer(d, thread);
        List<String> stack = StackView.lines(d, thread);
        long sp = stackPointer(stack);
        StringBuilder out = new StringBuilder();
        if (x86) {
            out.append(String.format("eip=%08x esp=%08x", ip, sp));
        } else {
            // at a function's entry its arguments are not modeled (the step that makes the call computes them)
            List<Long> args = d.showsEntry(thread) ? List.of() : numbers(top.args);
            List<String> first = new ArrayList<>();
            for (int i = 0; i < Math.min(2, args.size()); i++) {
                first.add(ARGUMENT_REGISTERS[i] + "=" + String.format("%016x", args.get(i)));
            }
            if (!first.isEmpty()) {
                out.append(String.join(" ", first)).append('\n');
            }
            out.append(String.format("rip=%016x rsp=%016x", ip, sp));
            List<String> last = new ArrayList<>();
            for (int i = 2; i < Math.min(4, args.size()); i++) {
                last.add(ARGUMENT_REGISTERS[i] + "=" + String.format("%016x", args.get(i)));
            }
            if (!last.isEmpty()) {
                out.append('\n').append(String.join(" ", last));
            }
        }
        return Debugger.accept(out + "\n" + Where.of(d, thread));
    }

    /**
     * The numbers of an argument block in declaration order (a record's numeric components, or
     * a class's public numeric instance fields): what the call passes in registers.
     */
    static List<Long> numbers(Object args) {
        List<Long> numbers = new ArrayList<>();
        if (args == null) {
            return numbers;
        }
        if (!args.getClass().isRecord()) {
            for (Field field : args.getClass().getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers()) && numeric(field.getType())) {
                    try {
                        numbers.add(asLong(field.get(args)));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("Cannot read argument " + field.getName() + " of " + args.getClass().getSimpleName(), e);
                    }
                }
            }
            return numbers;
        }
        for (RecordComponent component : args.getClass().getRecordComponents()) {
            if (numeric(component.getType())) {
                try {
                    component.getAccessor().setAccessible(true);
                    numbers.add(asLong(component.getAccessor().invoke(args)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read argument " + component.getName() + " of " + args.getClass().getSimpleName(), e);
                }
            }
        }
        return numbers;
    }

    private static boolean numeric(Class<?> type) {
        return type == long.class || type == int.class || type == Long.class || type == Integer.class || type == boolean.class;
    }

    private static long asLong(Object value) {
        return value instanceof Boolean b ? (b ? 1L : 0L) : value == null ? 0L : ((Number) value).longValue();
    }

    /**
     * Frame 00's Child-SP (x64, "ffff928c`a0c25760") or ChildEBP (x86, "f7a3fd4c"): the word
     * after the frame number, whichever width the platform prints.
     */
    private static long stackPointer(List<String> stack) {
        if (stack.isEmpty()) {
            return 0;
        }
        String[] words = stack.get(0).trim().split("\\s+");
        Long sp = words.length > 1 ? KdParser.number(words[1]) : null;
        return sp == null ? 0 : sp;
    }
}
