package com.ntprocesslab.lab.access;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One class and everyone who may or may not touch it: its creator ({@code teacher}), a
 * co-instructor ({@code co}), an instructor with no part in it ({@code stranger}), the
 * administrator ({@code admin}) and one student. The user names start with a prefix of their
 * own, so every test gets a fresh cast on the shared database.
 */
record ClassCast(String prefix, Classroom classroom) {

    static final String PASSWORD = "class-cast-pass-4711";
    private static final AtomicInteger RUNS = new AtomicInteger();

    static ClassCast create(String tag, String className, AccountService accounts, ClassroomService classrooms, JdbcTemplate jdbc) {
        String prefix = tag + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + "-";
        for (String instructor : List.of("teacher", "co", "stranger", "admin")) {
            accounts.create(prefix + instructor, PASSWORD, Role.INSTRUCTOR);
        }
        jdbc.update("UPDATE account SET admin = TRUE WHERE username = ?", prefix + "admin");
        Classroom classroom = classrooms.create(prefix + "teacher", className);
        classrooms.invite(prefix + "teacher", classroom.getId(), prefix + "co");
        accounts.signUpStudent(prefix + "student", PASSWORD, classroom.getJoinCode());
        return new ClassCast(prefix, classroom);
    }
}
