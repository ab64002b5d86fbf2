package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.Profile;
import java.util.List;

/**
 * What a component publishes for the symbol table (x, bp, k, .call): the routines it owns.
 * Each component lists its publisher in {@code META-INF/services}, so the table above is
 * assembled from what the components register and imports none of them.
 */
public interface RoutinePublisher {
    /** Routines a machine of either profile has. */
    List<Routine> shared();

    /** Routines only a machine of {@code profile} has (an XP machine has no KERNELBASE). */
    List<Routine> only(Profile profile);

    /**
     * Functions a module of {@code profile} exports that the machine has no code for: named in
     * the symbol table (x, GetProcAddress find them), never entered.
     */
    default List<String> exportsOnly(Profile profile) {
        return List.of();
    }
}
