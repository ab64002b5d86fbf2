package com.ntprocesslab.access;

import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The world both access matrices (the HTTP API's and the pages') try every door in: two
 * classes, each with its teacher and one student who has a lab machine open, an administrator
 * who teaches neither, and nobody signed in.
 */
public final class SixPersonas {

    /** Who knocks. */
    public enum Persona {
        ANONYMOUS, STUDENT, OTHER_STUDENT, INSTRUCTOR, OTHER_INSTRUCTOR, ADMIN;

        public boolean signedIn() {
            return this != ANONYMOUS;
        }

        public boolean instructor() {
            return this == INSTRUCTOR || this == OTHER_INSTRUCTOR || this == ADMIN;
        }

        /** The student whose machine the target is (or whose class, for a class id). */
        public boolean owns(Target target) {
            return target == Target.OWN && this == STUDENT || target == Target.FOREIGN && this == OTHER_STUDENT;
        }

        /** The teacher of the class the target is (or belongs to). */
        public boolean teaches(Target target) {
            return target == Target.OWN && this == INSTRUCTOR || target == Target.FOREIGN && this == OTHER_INSTRUCTOR;
        }
    }

    /** What an id in the address points at: the student's (or their class), the other class's, or nothing. */
    public enum Target { OWN, FOREIGN, MISSING }

    /** The lab both students have open. */
    public static final String LAB = "07-scripts";
    /** An id nothing has. */
    public static final long MISSING_ID = 987_654_321L;

    private final Map<Persona, String> names;
    private final Classroom classroom;
    private final Classroom otherClassroom;
    private final long studentMachine;
    private final long otherStudentMachine;

    private SixPersonas(Map<Persona, String> names, Classroom classroom, Classroom otherClassroom, long studentMachine,
                        long otherStudentMachine) {
        this.names = names;
        this.classroom = classroom;
        this.otherClassroom = otherClassroom;
        this.studentMachine = studentMachine;
        this.otherStudentMachine = otherStudentMachine;
    }

    /** Makes the accounts (named by {@code username}, all with {@code password}), the classes and the machines. */
    public static SixPersonas create(Function<Persona, String> username, String password, String className,
                                     AccountService accounts, ClassroomService classrooms, LabMachines labMachines,
                                     JdbcTemplate jdbc) {
        Map<Persona, String> names = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            names.put(persona, username.apply(persona));
        }
        accounts.create(names.get(Persona.INSTRUCTOR), password, Role.INSTRUCTOR);
        accounts.create(names.get(Persona.OTHER_INSTRUCTOR), password, Role.INSTRUCTOR);
        accounts.create(names.get(Persona.ADMIN), password, Role.INSTRUCTOR);
        jdbc.update("UPDATE account SET admin = TRUE WHERE username = ?", names.get(Persona.ADMIN));
        Classroom classroom = classrooms.create(names.get(Persona.INSTRUCTOR), className);
        Classroom otherClassroom = classrooms.create(names.get(Persona.OTHER_INSTRUCTOR), "Other " + className);
        accounts.signUpStudent(names.get(Persona.STUDENT), password, classroom.getJoinCode());
        accounts.signUpStudent(names.get(Persona.OTHER_STUDENT), password, otherClassroom.getJoinCode());
        long studentMachine = labMachines.openLab(names.get(Persona.STUDENT), LAB);
        long otherStudentMachine = labMachines.openLab(names.get(Persona.OTHER_STUDENT), LAB);
        return new SixPersonas(names, classroom, otherClassroom, studentMachine, otherStudentMachine);
    }

    /** The persona's user name (the anonymous one has a name too, but no account). */
    public String name(Persona persona) {
        return names.get(persona);
    }

    public long machine(Target target) {
        return switch (target) {
            case OWN -> studentMachine;
            case FOREIGN -> otherStudentMachine;
            case MISSING -> MISSING_ID;
        };
    }

    public long classId(Target target) {
        return switch (target) {
            case OWN -> classroom.getId();
            case FOREIGN -> otherClassroom.getId();
            case MISSING -> MISSING_ID;
        };
    }
}
